/* The compiled helpers of fingerprinting, each the fast twin of a pure-Python reference that
 * gives the same results (tests compare them); read the reference first, this only makes it fast.
 *
 * scan: tokens, their hashes and the sentence hashes of many stories in one call (scan.py).
 * prose_lines: the prose lines of an ASCII text (text.py's prose).
 * sorted_distinct: each text's distinct hashes, sorted (batch.py's _per_doc).
 * shared_count: the hashes two fingerprints share (verify.py's intersect1d).
 * sentence_overlap: the sentences two fingerprints share, exactly or by frame (verify.py's compare).
 * loose: loose shingles and the sampled loose keys of a batch (batch.py's _loose_python).
 *
 * The hash is the xxhash package's own XXH3_64bits, called through the address scan.py finds
 * in that package's library, so the values are xxh3_64_intdigest's by construction. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t (*hash_fn)(const void *data, size_t length);

enum { LINE = 0, SENTENCE = 1, WORD = 2 };
#define STEM_CHARS 6
#define LINE_BREAK 0x1d /* what scan.py joins a story's lines with */

/* A growable array of bytes; every output is one. */
typedef struct {
    char *data;
    Py_ssize_t length, capacity;
} Buffer;

static int reserve(Buffer *b, Py_ssize_t extra)
{
    if (b->length + extra <= b->capacity)
        return 0;
    Py_ssize_t capacity = b->capacity ? b->capacity : 4096;
    while (capacity < b->length + extra)
        capacity *= 2;
    char *data = PyMem_Realloc(b->data, capacity);
    if (data == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->data = data;
    b->capacity = capacity;
    return 0;
}

static int put(Buffer *b, const void *value, Py_ssize_t size)
{
    if (reserve(b, size) < 0)
        return -1;
    memcpy(b->data + b->length, value, size);
    b->length += size;
    return 0;
}

static PyObject *take(Buffer *b)
{
    PyObject *out = PyBytes_FromStringAndSize(b->data ? b->data : "", b->length);
    b->length = 0;
    return out;
}

/* The stopwords' hashes, sorted, and the words, to confirm a hash match. */
typedef struct {
    uint64_t hash;
    const char *word;
    Py_ssize_t length;
} Stopword;

static int by_hash(const void *a, const void *b)
{
    uint64_t x = ((const Stopword *)a)->hash, y = ((const Stopword *)b)->hash;
    return x < y ? -1 : x > y;
}

/* Everything one call builds. */
typedef struct {
    hash_fn hash;
    Stopword *stopwords;
    Py_ssize_t n_stopwords, sentence_min_words;
    Buffer kinds, exact, stem, digit, starts, long_exact, long_frame;
    PyObject *joined, *said; /* the story being cut, and its sentences so far (NULL for a token list) */
    Buffer token, sentence, frame; /* scratch: the current token's UTF-8, the sentence so far */
    Py_ssize_t tokens, words_in_segment;
    int digit_in_segment;
} Scan;

static int is_stopword(const Scan *s, uint64_t hash, const char *word, Py_ssize_t length)
{
    Py_ssize_t low = 0, high = s->n_stopwords;
    while (low < high) {
        Py_ssize_t middle = (low + high) / 2;
        if (s->stopwords[middle].hash < hash)
            low = middle + 1;
        else
            high = middle;
    }
    for (; low < s->n_stopwords && s->stopwords[low].hash == hash; low++)
        if (s->stopwords[low].length == length && memcmp(s->stopwords[low].word, word, length) == 0)
            return 1;
    return 0;
}

static int is_word_char(Py_UCS4 c)
{
    /* What `\w` matches in a str pattern. */
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return Py_UNICODE_ISALNUM(c);
}

static int is_digit_char(Py_UCS4 c)
{
    /* What `\d` matches in a str pattern. */
    return c < 128 ? (c >= '0' && c <= '9') : Py_UNICODE_ISDECIMAL(c);
}

static int emit_mark(Scan *s, char kind)
{
    static const char zeros[8] = {0};
    s->tokens++;
    return (put(&s->kinds, &kind, 1) < 0 || put(&s->exact, zeros, 8) < 0 || put(&s->stem, zeros, 8) < 0
            || put(&s->digit, zeros, 1) < 0) ? -1 : 0;
}

/* Closes the segment since the last mark, characters [start, end) of the story: its text is a
 * sentence (when not empty, as `sentences` keeps none), and the hashes of its words joined by
 * spaces (digit words as `#` for the frame) when it is long enough. */
static int end_segment(Scan *s, Py_ssize_t start, Py_ssize_t end)
{
    if (s->said != NULL && end > start) {
        PyObject *sentence = PyUnicode_Substring(s->joined, start, end);
        if (sentence == NULL || PyList_Append(s->said, sentence) < 0) {
            Py_XDECREF(sentence);
            return -1;
        }
        Py_DECREF(sentence);
    }
    if (s->words_in_segment >= s->sentence_min_words) {
        /* Both buffers end with the space after the last word. */
        uint64_t exact = s->hash(s->sentence.data, s->sentence.length - 1);
        uint64_t frame = s->digit_in_segment ? s->hash(s->frame.data, s->frame.length - 1) : exact;
        if (put(&s->long_exact, &exact, 8) < 0 || put(&s->long_frame, &frame, 8) < 0)
            return -1;
    }
    s->sentence.length = s->frame.length = 0;
    s->words_in_segment = 0;
    s->digit_in_segment = 0;
    return 0;
}

/* One word, as UTF-8 in s->token; `chars` its length in characters, `digit` whether one is a digit. */
static int emit_word(Scan *s, Py_ssize_t chars, int digit)
{
    const char *word = s->token.data;
    Py_ssize_t length = s->token.length;
    uint64_t exact = s->hash(word, length), stem = 0;
    char kind = WORD, has_digit = (char)digit;
    if (!is_stopword(s, exact, word, length)) {
        Py_ssize_t cut = length;
        if (chars > STEM_CHARS) { /* the bytes of the first STEM_CHARS characters */
            Py_ssize_t seen = 0;
            for (cut = 0; cut < length; cut++)
                if ((word[cut] & 0xC0) != 0x80 && seen++ == STEM_CHARS)
                    break;
        }
        stem = s->hash(word, cut);
        if (stem == 0)
            stem = 1; /* 0 means "function word" */
    }
    s->tokens++;
    s->words_in_segment++;
    s->digit_in_segment |= digit;
    if (put(&s->kinds, &kind, 1) < 0 || put(&s->exact, &exact, 8) < 0 || put(&s->stem, &stem, 8) < 0
        || put(&s->digit, &has_digit, 1) < 0 || put(&s->sentence, word, length) < 0
        || put(&s->sentence, " ", 1) < 0 || put(&s->frame, digit ? "#" : word, digit ? 1 : length) < 0
        || put(&s->frame, " ", 1) < 0)
        return -1;
    return 0;
}

static int put_utf8(Buffer *b, Py_UCS4 c)
{
    char out[4];
    Py_ssize_t n;
    if (c < 0x80) {
        out[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        out[0] = (char)(0xF0 | (c >> 18));
        out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    return put(b, out, n);
}

/* Characters [start, end) of a str as the current token. */
static int load_token(Scan *s, PyObject *text, Py_ssize_t start, Py_ssize_t end, int *digit)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    s->token.length = 0;
    *digit = 0;
    if (PyUnicode_IS_ASCII(text)) {
        const char *chars = (const char *)data + start;
        for (Py_ssize_t i = 0; i < end - start; i++)
            *digit |= chars[i] >= '0' && chars[i] <= '9';
        return put(&s->token, chars, end - start);
    }
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        *digit |= is_digit_char(c);
        if (put_utf8(&s->token, c) < 0)
            return -1;
    }
    return 0;
}

static int is_end_mark(Py_UCS4 c) { return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002; }

static int is_closer(Py_UCS4 c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

/* A story as its lines joined by LINE_BREAK: cut into lines, sentences (after an end mark and
 * any closers followed by a space) and words, as scan.py's story_parts does. */
static int scan_joined(Scan *s, PyObject *joined)
{
    int kind = PyUnicode_KIND(joined);
    const void *data = PyUnicode_DATA(joined);
    Py_ssize_t n = PyUnicode_GET_LENGTH(joined), i = 0, segment = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (is_word_char(c)) {
            Py_ssize_t j = i + 1;
            while (j < n && is_word_char(PyUnicode_READ(kind, data, j)))
                j++;
            int digit;
            if (load_token(s, joined, i, j, &digit) < 0 || emit_word(s, j - i, digit) < 0)
                return -1;
            i = j;
        } else if (c == LINE_BREAK) {
            if (end_segment(s, segment, i) < 0 || emit_mark(s, LINE) < 0)
                return -1;
            segment = ++i;
        } else if (is_end_mark(c)) {
            Py_ssize_t j = i + 1;
            while (j < n && is_closer(PyUnicode_READ(kind, data, j)))
                j++;
            if (j < n && PyUnicode_READ(kind, data, j) == ' ') {
                /* The segment keeps its end mark, not the closers. */
                if (end_segment(s, segment, i + 1) < 0 || emit_mark(s, SENTENCE) < 0)
                    return -1;
                segment = i = j + 1;
            } else {
                i++;
            }
        } else {
            i++;
        }
    }
    return end_segment(s, segment, n);
}

/* A story already cut into tokens, marks included (text scan.py cannot give to scan_joined). */
static int scan_tokens(Scan *s, PyObject *tokens, Py_UCS4 line_mark, Py_UCS4 sentence_mark)
{
    Py_ssize_t n = PyList_GET_SIZE(tokens);
    for (Py_ssize_t t = 0; t < n; t++) {
        PyObject *token = PyList_GET_ITEM(tokens, t);
        if (!PyUnicode_Check(token)) {
            PyErr_SetString(PyExc_TypeError, "tokens must be str");
            return -1;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(token);
        Py_UCS4 first = length == 1 ? PyUnicode_READ_CHAR(token, 0) : 0;
        if (length == 1 && (first == line_mark || first == sentence_mark)) {
            if (end_segment(s, -1, -1) < 0 || emit_mark(s, first == line_mark ? LINE : SENTENCE) < 0)
                return -1;
            continue;
        }
        int digit;
        if (load_token(s, token, 0, length, &digit) < 0 || emit_word(s, length, digit) < 0)
            return -1;
    }
    return end_segment(s, -1, -1);
}

static void release(Scan *s)
{
    Buffer *all[] = {&s->kinds, &s->exact, &s->stem, &s->digit, &s->starts, &s->long_exact, &s->long_frame,
                     &s->token, &s->sentence, &s->frame};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        PyMem_Free(all[i]->data);
    PyMem_Free(s->stopwords);
}

static PyObject *scan(PyObject *module, PyObject *args)
{
    PyObject *stories, *stopwords;
    unsigned long long address;
    Py_ssize_t sentence_min_words;
    if (!PyArg_ParseTuple(args, "O!KO!n", &PyList_Type, &stories, &address, &PyTuple_Type, &stopwords,
                          &sentence_min_words))
        return NULL;
    Scan s = {0};
    s.hash = (hash_fn)(uintptr_t)address;
    s.sentence_min_words = sentence_min_words;
    s.n_stopwords = PyTuple_GET_SIZE(stopwords);
    s.stopwords = PyMem_Calloc(s.n_stopwords + 1, sizeof(Stopword));
    if (s.stopwords == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < s.n_stopwords; i++) {
        PyObject *word = PyTuple_GET_ITEM(stopwords, i);
        if (!PyBytes_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "stopwords must be bytes");
            release(&s);
            return NULL;
        }
        s.stopwords[i].word = PyBytes_AS_STRING(word);
        s.stopwords[i].length = PyBytes_GET_SIZE(word);
        s.stopwords[i].hash = s.hash(s.stopwords[i].word, s.stopwords[i].length);
    }
    qsort(s.stopwords, s.n_stopwords, sizeof(Stopword), by_hash);

    Py_ssize_t n = PyList_GET_SIZE(stories);
    PyObject *said = PyList_New(n); /* per story its sentences, None for a token list */
    if (said == NULL) {
        release(&s);
        return NULL;
    }
    for (Py_ssize_t d = 0; d < n; d++) {
        PyObject *story = PyList_GET_ITEM(stories, d);
        int64_t start = s.tokens;
        int failed = put(&s.starts, &start, 8) < 0 || emit_mark(&s, LINE) < 0;
        s.joined = story;
        s.said = NULL;
        if (!failed && PyUnicode_Check(story)) {
            s.said = PyList_New(0);
            failed = s.said == NULL || scan_joined(&s, story) < 0;
            if (s.said != NULL)
                PyList_SET_ITEM(said, d, s.said); /* the list owns it, even half made */
        } else if (!failed && PyList_Check(story)) {
            failed = scan_tokens(&s, story, 0x01, 0x02) < 0;
            PyList_SET_ITEM(said, d, Py_NewRef(Py_None));
        } else if (!failed) {
            PyErr_SetString(PyExc_TypeError, "a story is a str of lines or a list of tokens");
            failed = 1;
        }
        if (failed) {
            Py_DECREF(said); /* its places not filled yet are NULL, which a list's release skips */
            release(&s);
            return NULL;
        }
    }
    int64_t end = s.tokens;
    if (put(&s.starts, &end, 8) < 0) {
        Py_DECREF(said);
        release(&s);
        return NULL;
    }
    PyObject *out = Py_BuildValue("(NNNNNNNN)", take(&s.kinds), take(&s.exact), take(&s.stem), take(&s.digit),
                                  take(&s.starts), take(&s.long_exact), take(&s.long_frame), said);
    release(&s);
    return out;
}

/* prose_lines(text, min_words): for an ASCII text, what text.py's _prose_lines gives: its lines
 * (cut where str.splitlines cuts, spaces collapsed as " ".join(line.split()), ` as '), those
 * holding a word; of them the prose lines (ending in an end mark before any closers, or of
 * min_words words or more), or all if none is. None for any other text, and for one holding `kAm`
 * or `k9`, the tags of ROT47-encoded paragraphs (obfuscation.py decodes those first). */

static int is_line_break(char c) { return c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c' || (c >= 0x1c && c <= 0x1e); }

static int is_inline_space(char c) { return c == ' ' || c == '\t' || c == 0x1f; }

static int line_is_prose(const char *line, Py_ssize_t length, Py_ssize_t min_words)
{
    Py_ssize_t end = length, spaces = 0;
    while (end > 0 && is_closer((unsigned char)line[end - 1]))
        end--;
    if (end > 0 && (line[end - 1] == '.' || line[end - 1] == '!' || line[end - 1] == '?'))
        return 1;
    for (Py_ssize_t i = 0; i < length; i++)
        spaces += line[i] == ' ';
    return spaces + 1 >= min_words;
}

static PyObject *prose_lines(PyObject *module, PyObject *args)
{
    PyObject *text;
    Py_ssize_t min_words;
    if (!PyArg_ParseTuple(args, "Un", &text, &min_words))
        return NULL;
    if (!PyUnicode_IS_ASCII(text))
        Py_RETURN_NONE;
    const char *chars = (const char *)PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (const char *k = memchr(chars, 'k', n); k != NULL && k + 1 < chars + n; k = memchr(k + 1, 'k', chars + n - k - 1))
        if (k[1] == '9' || (k[1] == 'A' && k + 2 < chars + n && k[2] == 'm'))
            Py_RETURN_NONE;
    PyObject *lines = PyList_New(0), *prose = PyList_New(0);
    Buffer line = {0};
    if (lines == NULL || prose == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i <= n; i++) {
        char c = i < n ? chars[i] : '\n';
        if (!is_line_break(c)) {
            if (is_inline_space(c)) {
                /* One space between words, none at either end. */
                Py_ssize_t j = i + 1;
                while (j < n && is_inline_space(chars[j]))
                    j++;
                if (line.length > 0 && j < n && !is_line_break(chars[j]) && put(&line, " ", 1) < 0)
                    goto fail;
                i = j - 1;
            } else if (put(&line, c == '`' ? "'" : &c, 1) < 0) {
                goto fail;
            }
            continue;
        }
        int has_word = 0;
        for (Py_ssize_t k = 0; k < line.length && !has_word; k++)
            has_word = is_word_char((unsigned char)line.data[k]);
        if (has_word) {
            PyObject *kept = PyUnicode_FromStringAndSize(line.data, line.length);
            if (kept == NULL || PyList_Append(lines, kept) < 0
                || (line_is_prose(line.data, line.length, min_words) && PyList_Append(prose, kept) < 0)) {
                Py_XDECREF(kept);
                goto fail;
            }
            Py_DECREF(kept);
        }
        line.length = 0;
    }
    PyMem_Free(line.data);
    if (PyList_GET_SIZE(prose) > 0) {
        Py_DECREF(lines);
        return prose;
    }
    Py_DECREF(prose);
    return lines;
fail:
    PyMem_Free(line.data);
    Py_XDECREF(lines);
    Py_XDECREF(prose);
    return NULL;
}

/* sorted_distinct(values, bounds): per segment values[bounds[i]:bounds[i + 1]] of a uint32
 * array, its distinct values in ascending order, one after another, and where each segment's
 * start (batch.py's _per_doc). A radix sort: segments are a text's few hundred hashes. */

static void radix_sort(uint32_t *a, uint32_t *scratch, Py_ssize_t n)
{
    if (n < 32) { /* insertion sort: short segments */
        for (Py_ssize_t i = 1; i < n; i++) {
            uint32_t v = a[i];
            Py_ssize_t j = i;
            for (; j > 0 && a[j - 1] > v; j--)
                a[j] = a[j - 1];
            a[j] = v;
        }
        return;
    }
    uint32_t *from = a, *to = scratch;
    for (int shift = 0; shift < 32; shift += 8) {
        Py_ssize_t count[257] = {0};
        for (Py_ssize_t i = 0; i < n; i++)
            count[((from[i] >> shift) & 0xFF) + 1]++;
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (Py_ssize_t i = 0; i < n; i++)
            to[count[(from[i] >> shift) & 0xFF]++] = from[i];
        uint32_t *swap = from;
        from = to;
        to = swap;
    } /* four passes: the sorted values are back in `a` */
}

static PyObject *sorted_distinct(PyObject *module, PyObject *args)
{
    Py_buffer values, bounds;
    if (!PyArg_ParseTuple(args, "y*y*", &values, &bounds))
        return NULL;
    PyObject *out = NULL, *out_values = NULL, *out_bounds = NULL;
    uint32_t *work = NULL, *scratch = NULL;
    Py_ssize_t n_values = values.len / 4, n_bounds = bounds.len / 8;
    const int64_t *at = bounds.buf;
    if (values.len % 4 || bounds.len % 8 || n_bounds < 1 || at[0] != 0 || at[n_bounds - 1] != n_values) {
        PyErr_SetString(PyExc_ValueError, "values must be uint32 and bounds int64 from 0 to len(values)");
        goto done;
    }
    out_values = PyBytes_FromStringAndSize(NULL, values.len);
    out_bounds = PyBytes_FromStringAndSize(NULL, bounds.len);
    work = PyMem_Malloc(values.len + 4);
    scratch = PyMem_Malloc(values.len + 4);
    if (out_values == NULL || out_bounds == NULL || work == NULL || scratch == NULL) {
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        goto done;
    }
    memcpy(work, values.buf, values.len);
    uint32_t *kept = (uint32_t *)PyBytes_AS_STRING(out_values);
    int64_t *starts = (int64_t *)PyBytes_AS_STRING(out_bounds);
    Py_ssize_t written = 0;
    for (Py_ssize_t s = 0; s + 1 < n_bounds; s++) {
        starts[s] = written;
        if (at[s + 1] < at[s]) {
            PyErr_SetString(PyExc_ValueError, "bounds must not decrease");
            goto done;
        }
        uint32_t *segment = work + at[s];
        Py_ssize_t n = at[s + 1] - at[s];
        radix_sort(segment, scratch, n);
        for (Py_ssize_t i = 0; i < n; i++)
            if (i == 0 || segment[i] != segment[i - 1])
                kept[written++] = segment[i];
    }
    starts[n_bounds - 1] = written;
    if (_PyBytes_Resize(&out_values, written * 4) == 0)
        out = Py_BuildValue("(OO)", out_values, out_bounds);
done:
    Py_XDECREF(out_values);
    Py_XDECREF(out_bounds);
    PyMem_Free(work);
    PyMem_Free(scratch);
    PyBuffer_Release(&values);
    PyBuffer_Release(&bounds);
    return out;
}

/* shared_count(a, b): how many values two sorted uint32 arrays of distinct values have in
 * common (verify.py's np.intersect1d(a, b, assume_unique=True).size), by one merge. */
static PyObject *shared_count(PyObject *module, PyObject *args)
{
    Py_buffer a, b;
    if (!PyArg_ParseTuple(args, "y*y*", &a, &b))
        return NULL;
    if (a.len % 4 || b.len % 4) {
        PyBuffer_Release(&a);
        PyBuffer_Release(&b);
        PyErr_SetString(PyExc_ValueError, "shared_count needs uint32 arrays");
        return NULL;
    }
    const uint32_t *x = a.buf, *y = b.buf;
    Py_ssize_t i = 0, j = 0, n = a.len / 4, m = b.len / 4, shared = 0;
    while (i < n && j < m) {
        if (x[i] < y[j])
            i++;
        else if (x[i] > y[j])
            j++;
        else {
            shared++;
            i++;
            j++;
        }
    }
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    return PyLong_FromSsize_t(shared);
}

/* sentence_overlap(a_sentences, a_frames, b_sentences, b_frames, lead): verify.py's
 * _sentence_overlap_python: (a's sentences that b has, a's others whose frame b has, whether
 * a's first `lead` sentences and b's share one). uint32 arrays in text order, sentences and
 * frames of a text the same length; b's are sorted here and searched. */

static int by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int holds(const uint32_t *sorted, Py_ssize_t n, uint32_t value)
{
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && sorted[lo] == value;
}

static PyObject *sentence_overlap(PyObject *module, PyObject *args)
{
    Py_buffer as, af, bs, bf;
    Py_ssize_t lead;
    if (!PyArg_ParseTuple(args, "y*y*y*y*n", &as, &af, &bs, &bf, &lead))
        return NULL;
    PyObject *out = NULL;
    uint32_t *sorted = NULL;
    Py_ssize_t n = as.len / 4, m = bs.len / 4;
    if (as.len % 4 || bs.len % 4 || af.len != as.len || bf.len != bs.len || lead < 0) {
        PyErr_SetString(PyExc_ValueError, "sentence_overlap needs uint32 sentences and frames of equal lengths");
        goto done;
    }
    sorted = PyMem_Malloc((2 * m + 1) * sizeof(uint32_t));
    if (sorted == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    uint32_t *exact = sorted, *frames = sorted + m;
    memcpy(exact, bs.buf, m * 4);
    memcpy(frames, bf.buf, m * 4);
    qsort(exact, m, 4, by_u32);
    qsort(frames, m, 4, by_u32);
    const uint32_t *a_sentences = as.buf, *a_frames = af.buf, *b_sentences = bs.buf;
    Py_ssize_t same = 0, reframed = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (holds(exact, m, a_sentences[i]))
            same++;
        else if (holds(frames, m, a_frames[i]))
            reframed++;
    }
    int lead_shared = 0;
    for (Py_ssize_t i = 0; i < n && i < lead && !lead_shared; i++)
        for (Py_ssize_t j = 0; j < m && j < lead && !lead_shared; j++)
            lead_shared = a_sentences[i] == b_sentences[j];
    out = Py_BuildValue("nnO", same, reframed, lead_shared ? Py_True : Py_False);
done:
    PyMem_Free(sorted);
    PyBuffer_Release(&as);
    PyBuffer_Release(&af);
    PyBuffer_Release(&bs);
    PyBuffer_Release(&bf);
    return out;
}

/* loose(stems, line_of, doc_of_line, multiplier, salt, sampling, max_keys): batch.py's
 * _loose_python in one pass: the loose shingles (pairs of neighbouring content words in a line,
 * the high 32 bits of their hash) with their docs, and per doc the first max_keys distinct
 * sampled triples in text order (salted), sorted as int64, with their docs. */

static int by_signed(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

static int flush_keys(Buffer *docs, Buffer *keys, int64_t doc, int64_t *held, Py_ssize_t n)
{
    qsort(held, n, sizeof(int64_t), by_signed);
    for (Py_ssize_t i = 0; i < n; i++)
        if (put(docs, &doc, 8) < 0 || put(keys, &held[i], 8) < 0)
            return -1;
    return 0;
}

static PyObject *loose(PyObject *module, PyObject *args)
{
    Py_buffer stems_buf, lines_buf, docs_buf;
    unsigned long long multiplier, salt, sampling;
    Py_ssize_t max_keys;
    if (!PyArg_ParseTuple(args, "y*y*y*KKKn", &stems_buf, &lines_buf, &docs_buf, &multiplier, &salt, &sampling,
                          &max_keys))
        return NULL;
    Buffer pair_docs = {0}, pair_values = {0}, key_docs = {0}, keys = {0};
    int64_t *held = NULL;
    PyObject *out = NULL;
    Py_ssize_t n = stems_buf.len / 8, n_lines = docs_buf.len / 8;
    const uint64_t *stems = stems_buf.buf;
    const int64_t *line_of = lines_buf.buf, *doc_of_line = docs_buf.buf;
    if (stems_buf.len % 8 || lines_buf.len != stems_buf.len || docs_buf.len % 8 || max_keys < 0) {
        PyErr_SetString(PyExc_ValueError, "loose needs uint64 stems, int64 line ids of the same length, int64 docs");
        goto done;
    }
    held = PyMem_Malloc((max_keys + 1) * sizeof(int64_t));
    if (held == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* The content words (stem != 0) in order; l1 and l2 the lines of the last two, to make pairs and triples. */
    uint64_t h1 = 0, p1 = 0; /* the previous word's hash, the previous pair's */
    int64_t l1 = -1, l2 = -1, doc = -1;
    Py_ssize_t seen = 0, n_held = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        uint64_t h = stems[i];
        if (h == 0)
            continue;
        int64_t line = line_of[i];
        if (line < 0 || line >= n_lines) {
            PyErr_SetString(PyExc_ValueError, "a line id past doc_of_line");
            goto done;
        }
        if (seen >= 1) {
            uint64_t pair = h1 * multiplier + h;
            if (l1 == line) {
                int64_t pair_doc = doc_of_line[line];
                uint64_t value = pair >> 32;
                if (put(&pair_docs, &pair_doc, 8) < 0 || put(&pair_values, &value, 8) < 0)
                    goto done;
            }
            if (seen >= 2 && l2 == line) {
                uint64_t triple = p1 * multiplier + h;
                if ((triple & (sampling - 1)) == 0) {
                    int64_t key = (int64_t)(triple ^ salt), key_doc = doc_of_line[line];
                    if (key_doc != doc) {
                        if (doc >= 0 && flush_keys(&key_docs, &keys, doc, held, n_held) < 0)
                            goto done;
                        doc = key_doc;
                        n_held = 0;
                    }
                    int known = 0;
                    for (Py_ssize_t k = 0; k < n_held && !known; k++)
                        known = held[k] == key;
                    if (!known && n_held < max_keys)
                        held[n_held++] = key;
                }
            }
            p1 = pair;
        }
        l2 = l1;
        h1 = h;
        l1 = line;
        seen++;
    }
    if (doc >= 0 && flush_keys(&key_docs, &keys, doc, held, n_held) < 0)
        goto done;
    out = Py_BuildValue("(NNNN)", take(&pair_docs), take(&pair_values), take(&key_docs), take(&keys));
done:
    PyMem_Free(pair_docs.data);
    PyMem_Free(pair_values.data);
    PyMem_Free(key_docs.data);
    PyMem_Free(keys.data);
    PyMem_Free(held);
    PyBuffer_Release(&stems_buf);
    PyBuffer_Release(&lines_buf);
    PyBuffer_Release(&docs_buf);
    return out;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS,
     "scan(stories, xxh3_address, stopwords, sentence_min_words) -> (kinds, exact, stem, digit, starts, "
     "long_exact, long_frame) as bytes, and per story its sentences (None for a token list); see scan.py."},
    {"prose_lines", prose_lines, METH_VARARGS,
     "prose_lines(text, min_words) -> the prose lines of an ASCII text (text.py's _prose_lines), or None."},
    {"loose", loose, METH_VARARGS,
     "loose(stems, line_of, doc_of_line, multiplier, salt, sampling, max_keys) -> (docs, values, key_docs, keys)."},
    {"shared_count", shared_count, METH_VARARGS,
     "shared_count(a, b) -> values two sorted uint32 arrays of distinct values share."},
    {"sentence_overlap", sentence_overlap, METH_VARARGS,
     "sentence_overlap(a_sentences, a_frames, b_sentences, b_frames, lead) -> (same, reframed, lead_shared)."},
    {"sorted_distinct", sorted_distinct, METH_VARARGS,
     "sorted_distinct(values, bounds) -> (values, bounds) as bytes: each segment's distinct values, sorted."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_native", "Compiled helpers of fingerprinting (see native.py).",
                                    -1, methods};

PyMODINIT_FUNC PyInit__native(void) { return PyModule_Create(&module); }

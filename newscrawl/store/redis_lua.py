"""The Redis store's Lua scripts: each runs alone on the server, so each write is atomic."""

from __future__ import annotations

__all__ = ["INDEX_HASH_BITS", "LABELS_PER_HASH", "SCRIPTS"]

# The candidate index is spread over 2^20 hashes so that each stays a compact listpack
# (at most hash-max-listpack-entries, 512 by default) up to ~14M docs of ~38 keys: a
# listpack entry costs ~16 bytes, a hashtable entry ~50. With 2^16 hashes the index
# jumped from ~700 to ~2,050 B/doc past ~880k docs (bench/dedup.py). The price: ~100 MB
# of per-hash overhead once the store is big, and more B/doc below ~100k docs.
INDEX_HASH_BITS = 20
LABELS_PER_HASH = 128  # within hash-max-listpack-entries (512 by default): compact small hashes

# Prepended to every script: refuse to use a store the server has lost, so a restart
# without persistence is loud instead of silently starting over. Then the functions the
# scripts share, so that one script can do the work of several in one round trip.
_LIB = """
local P = ARGV[1]
if redis.call('HEXISTS', P .. 'meta', 'layout') == 0 then
  return redis.error_reply('its data has vanished from the server (restarted without persistence, ' ..
    'flushed or evicted?)')
end
local call, gmatch, sub = redis.call, string.gmatch, string.sub
local function label_hash(id) return P .. 'label:' .. math.floor(id / LABELS_PER_HASH) end
-- An index key's first INDEX_HASH_BITS bits name its hash, its last six bytes are its field there.
local function key_hash(key)
  local b1, b2, b3 = string.byte(key, 1, 3)
  return P .. 'key:' .. math.floor((b1 * 65536 + b2 * 256 + b3) / INDEX_HASH_DIVISOR)
end
local function count(list) return list == '' and 0 or select(2, string.gsub(list, ',', ',')) + 1 end
local function append(hash, field, id)  -- add id to the comma list at field, once
  local list = call('HGET', hash, field)
  if not list then
    call('HSET', hash, field, id)
  elseif not string.find(',' .. list .. ',', ',' .. id .. ',', 1, true) then
    call('HSET', hash, field, list .. ',' .. id)
  end
end
local function remove(hash, field, id)  -- take id out of the comma list at field (gone when empty)
  local kept = {}
  for other in gmatch(call('HGET', hash, field) or '', '[^,]+') do
    if other ~= id then kept[#kept + 1] = other end
  end
  if #kept > 0 then call('HSET', hash, field, table.concat(kept, ','))
  else call('HDEL', hash, field) end
end

-- ARGV[i]: n, then n x (url, row, content), m, then m x (content, fingerprint).
-- The first new id (nil when n is 0) and the position after the section.
local function add_docs(i)
  local n, m, batch = tonumber(ARGV[i]), tonumber(ARGV[i + 1 + 3 * tonumber(ARGV[i])]), {}
  for j = 0, n - 1 do
    local url = ARGV[i + 1 + 3 * j]
    if batch[url] or call('HEXISTS', P .. 'url', url) == 1 then
      error({err = url .. ' is already stored'})
    end
    batch[url] = true
  end
  local first = n > 0 and call('HINCRBY', P .. 'meta', 'ids', n) - n or nil
  for j = 0, n - 1 do
    local id = first + j
    call('HSET', P .. 'url', ARGV[i + 1 + 3 * j], id)
    call('HSET', P .. 'doc', id, ARGV[i + 2 + 3 * j])
    call('HSET', label_hash(id), id, id)
    append(P .. 'content', ARGV[i + 3 + 3 * j], id)
  end
  local at = i + 2 + 3 * n
  for j = at, at + 2 * m - 1, 2 do call('HSETNX', P .. 'fp', ARGV[j], ARGV[j + 1]) end
  return first, at + 2 * m
end

-- Keys (8 bytes each, sorted: a key's pairs side by side in arrival order), their doc ids
-- ("id,id,...", each looked up in the table resolve: nil skips the pair), the cap. Per
-- distinct key the ids it held ('' where none); a pair is indexed while its key has fewer
-- than cap. Lookup and add in one pass.
local function index(keys, ids, cap, resolve)
  local out, n = {}, 0
  local prev, hash, field, list, room, changed
  for token in gmatch(ids, '[^,]+') do
    local key, id, done = sub(keys, 8 * n + 1, 8 * n + 8), resolve[token], false
    n = n + 1
    if not id then  -- not indexed
    elseif key ~= prev then
      if changed then call('HSET', hash, field, list) end
      prev, hash, field, changed = key, key_hash(key), sub(key, 3), false
      -- Nearly every key is new (98% on the synthetic corpus): one call stores it and says so.
      if cap > 0 and call('HSETNX', hash, field, id) == 1 then
        out[#out + 1], list, room, done = '', id, cap - 1, true
      else
        list = call('HGET', hash, field) or ''
        out[#out + 1] = list
        room = cap - count(list)
      end
    end
    if id and not done then
      if room > 0 then
        if list == '' then
          list, changed = id, true
        elseif not string.find(',' .. list .. ',', ',' .. id .. ',', 1, true) then
          list, changed = list .. ',' .. id, true
        end
      end
      room = room - 1
    end
  end
  if changed then call('HSET', hash, field, list) end
  return out
end
local same = setmetatable({}, {__index = function(_, id) return id end})
-- label(id) notes an id and its cluster label, once each; ids and labels are the two lists.
local function labeller()
  local seen, ids, labels = {}, {}, {}
  local function label(id)
    if not seen[id] then
      seen[id] = true
      ids[#ids + 1] = id
      labels[#labels + 1] = call('HGET', label_hash(id), id) or ''
    end
  end
  return label, ids, labels
end
local function label_lists(label, lists)  -- every id in index's answer lists
  for _, list in ipairs(lists) do
    if list ~= '' then for id in gmatch(list, '[^,]+') do label(id) end end
  end
end

-- ARGV[i]: a group count, then groups as (count, labels...), labels distinct and ascending.
-- All groups in one script: a crash can't leave a cluster half relabelled.
local function members_of(label)  -- ids with this label, as a comma list ('' for none)
  local list = call('HGET', P .. 'cluster', label)
  if list then return list end
  if call('HGET', label_hash(label), label) == label then return label end
  return ''
end
local function merge_group(group)  -- labels, distinct and ascending
  local lists, keep, best = {}, nil, 0
  for j = 1, #group do
    lists[j] = members_of(group[j])
    local size = count(lists[j])
    if size > best then keep, best = j, size end  -- labels ascend: ties keep the smallest
  end
  if keep then
    local label, all = group[keep], {lists[keep]}
    for j = 1, #group do
      if j ~= keep and lists[j] ~= '' then
        for id in gmatch(lists[j], '[^,]+') do call('HSET', label_hash(id), id, label) end
        call('HDEL', P .. 'cluster', group[j])
        all[#all + 1] = lists[j]
      end
    end
    if #all > 1 then call('HSET', P .. 'cluster', label, table.concat(all, ',')) end
  end
end
local function merge(i)  -- ARGV from i on: groups as (count, labels...)
  while i <= #ARGV do
    local n, group = tonumber(ARGV[i]), {}
    for j = 1, n do group[j] = ARGV[i + j] end
    merge_group(group)
    i = i + n + 1
  end
end

local function settle(batch, ids)  -- drop the pending marks this batch set on ids ("id,id,...")
  for id in gmatch(ids, '[^,]+') do
    if call('HGET', P .. 'pending', id) == batch then call('HDEL', P .. 'pending', id) end
  end
end

-- Ids ("id,id,..."): per id 'label:id,id,...' (its cluster's members) or '', joined by ';'.
local function members(ids)
  local out, lists = {}, {}
  for id in gmatch(ids, '[^,]+') do
    local label = call('HGET', label_hash(id), id)
    if label then
      if not lists[label] then lists[label] = members_of(label) end
      out[#out + 1] = label .. ':' .. lists[label]
    else
      out[#out + 1] = ''
    end
  end
  return table.concat(out, ';')
end
""".replace("LABELS_PER_HASH", str(LABELS_PER_HASH)).replace(
    "INDEX_HASH_DIVISOR", str(1 << (24 - INDEX_HASH_BITS)))

SCRIPTS = {name: _LIB + body for name, body in {
    # ARGV: P, then add_docs' section.
    "add_docs": "return (add_docs(2))",
    # ARGV: P, contents (8 bytes each, concatenated), URLs: per URL its id and row ('' where
    # unknown), then per content the docs that have it.
    "known": """
local out, contents = {}, ARGV[2]
for i = 3, #ARGV do
  local id = call('HGET', P .. 'url', ARGV[i])
  out[#out + 1] = id or ''
  out[#out + 1] = id and call('HGET', P .. 'doc', id) or ''
end
for i = 1, #contents, 8 do out[#out + 1] = call('HGET', P .. 'content', sub(contents, i, i + 7)) or '' end
return out
""",
    # ARGV: P, add_docs' section, then index's keys, ids and cap, then more ids to label. A
    # doc id '-k' stands for the k-th new doc's. The first new id (-1 for none), the index's
    # answer joined by ';', and the ids found there or asked for with their labels.
    "add_and_index": """
local first, i = add_docs(2)
local resolve = setmetatable({}, {__index = function(_, id)
  if string.byte(id, 1) == 45 then return tostring(first - 1 - tonumber(id)) end  -- '-'
  return id
end})
local lists = index(ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), resolve)
local label, ids, labels = labeller()
label_lists(label, lists)
for id in gmatch(ARGV[i + 3], '[^,]+') do label(resolve[id]) end
return {first or -1, table.concat(lists, ';'), table.concat(ids, ','), table.concat(labels, ',')}
""",
    # ARGV: P, the caller's lock token ('' for none), n, n x (url, row, content, fingerprint),
    # then index's keys, the owners of the keys (positions in the batch), the cap, the batch
    # name. A linker's batch as Store.add_batch says, atomic without the lock: 'busy' while
    # another holds it.
    "add_batch": """
local lock = call('GET', P .. 'lock')
if lock and lock ~= ARGV[2] then return 'busy' end
local n, state, ids, holders, urls, held_by, fresh = tonumber(ARGV[3]), {}, {}, {}, {}, {}, 0
local function arg(j, k) return ARGV[4 + 4 * j + k] end  -- k: 0 url, 1 row, 2 content, 3 fingerprint
local function holder(content)  -- the smallest id that has this content (a string), or false
  if held_by[content] == nil then
    local min
    for other in gmatch(call('HGET', P .. 'content', content) or '', '[^,]+') do
      if not min or tonumber(other) < min then min = tonumber(other) end
    end
    held_by[content] = min and tostring(min) or false
  end
  return held_by[content]
end
-- Decide every doc first (reads only), then write: as the Python version, which reads first.
for j = 0, n - 1 do
  local url, content = arg(j, 0), arg(j, 2)
  local id = urls[url] == nil and call('HGET', P .. 'url', url)
  if urls[url] ~= nil then
    state[j], ids[j] = 'twin', urls[url]
  elseif id and sub(call('HGET', P .. 'doc', id) or '', 1, 8) == content then
    if call('HEXISTS', P .. 'pending', id) == 1 then  -- its links were never merged: again
      urls[url], state[j], ids[j] = j, 'pending', id
      if holder(content) ~= id then holders[j] = holder(content) end
    else
      state[j], ids[j] = 'known', id
    end
  else
    urls[url] = j
    holders[j] = holder(content) or nil
    if id then
      state[j], ids[j] = 'updated', id
    else
      state[j], fresh = 'new', fresh + 1
      ids[j] = -fresh
    end
    if not held_by[content] then held_by[content] = j end  -- a batch doc: its position, for now
  end
end
local first = fresh > 0 and call('HINCRBY', P .. 'meta', 'ids', fresh) - fresh or 0
local function real(ref)  -- a new doc's -k or a batch position (a number) to its id
  if type(ref) == 'number' then
    if ref < 0 then return tostring(first - 1 - ref) end
    return ids[ref]
  end
  return ref
end
for j = 0, n - 1 do
  if state[j] == 'new' or state[j] == 'updated' then ids[j] = real(ids[j]) end
end
for j = 0, n - 1 do
  local s, id, content = state[j], ids[j], arg(j, 2)
  if s == 'twin' then
    ids[j] = ids[id]
  elseif s == 'new' or s == 'updated' then
    holders[j] = holders[j] and real(holders[j])
    if s == 'new' then
      call('HSET', P .. 'url', arg(j, 0), id)
      call('HSET', label_hash(id), id, id)
    else
      remove(P .. 'content', sub(call('HGET', P .. 'doc', id), 1, 8), id)
    end
    call('HSET', P .. 'doc', id, arg(j, 1))
    append(P .. 'content', content, id)
    if not holders[j] then call('HSETNX', P .. 'fp', content, arg(j, 3)) end
  end
end
local i = 4 + 4 * n
local indexed = {}  -- position (as the owners name it) -> id, for the docs whose keys go in
for j = 0, n - 1 do
  local s = state[j]
  if s == 'new' or s == 'updated' or s == 'pending' then
    if not holders[j] then indexed[tostring(j)] = ids[j] end
    call('HSET', P .. 'pending', ids[j], ARGV[i + 3])
  end
end
local lists = index(ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), indexed)
local label, found, labels = labeller()
label_lists(label, lists)
local states, holding = {}, {}
for j = 0, n - 1 do
  if holders[j] then label(holders[j]) end
  if state[j] == 'updated' or state[j] == 'pending' then label(ids[j]) end
  states[j + 1], holding[j + 1] = string.sub(state[j], 1, 1), holders[j] or ''
end
local list = {}
for j = 0, n - 1 do list[j + 1] = ids[j] end
return {table.concat(states), table.concat(list, ','), table.concat(holding, ','), table.concat(lists, ';'),
        table.concat(found, ','), table.concat(labels, ',')}
""",
    # ARGV: P, id, the row as the caller read it, the new row, [content, fingerprint].
    # Compare-and-set: the caller read the old row (for its URL) and retries if it changed.
    "update_doc": """
local id = ARGV[2]
if call('HGET', P .. 'doc', id) ~= ARGV[3] then return 0 end
call('HSET', P .. 'doc', id, ARGV[4])
local old, new = sub(ARGV[3], 1, 8), sub(ARGV[4], 1, 8)
if old ~= new then
  remove(P .. 'content', old, id)
  append(P .. 'content', new, id)
end
if ARGV[6] then call('HSETNX', P .. 'fp', ARGV[5], ARGV[6]) end
return 1
""",
    # ARGV: P, the keys (8 bytes each, concatenated), their doc ids ("id,id,...").
    # Batches travel as two strings: tens of thousands of arguments cost the client more than Redis.
    "add_keys": """
local n = 0
for id in gmatch(ARGV[3], '[^,]+') do
  local key = sub(ARGV[2], 8 * n + 1, 8 * n + 8)
  append(key_hash(key), sub(key, 3), id)
  n = n + 1
end
""",
    # ARGV: P, index's keys, ids and cap.
    "index": "return table.concat(index(ARGV[2], ARGV[3], tonumber(ARGV[4]), same), ';')",
    # ARGV: P, then 8-byte keys concatenated, or 'label' and ids ("id,id,..."): the values in
    # their small hashes, joined by ';' ('' where none), so one string comes back.
    "lookup": """
local out = {}
if ARGV[2] == 'label' then
  for id in gmatch(ARGV[3], '[^,]+') do
    out[#out + 1] = call('HGET', label_hash(id), id) or ''
  end
else
  for i = 1, #ARGV[2], 8 do
    local key = sub(ARGV[2], i, i + 7)
    out[#out + 1] = call('HGET', key_hash(key), sub(key, 3)) or ''
  end
end
return table.concat(out, ';')
""",
    # ARGV: P, ids ("id,id,..."), '1' for fingerprints too: per id its row and the fingerprint
    # of its content ('' where none, or where an earlier id had the same content).
    "docs": """
local out, sent = {}, {}
for id in gmatch(ARGV[2], '[^,]+') do
  local row = call('HGET', P .. 'doc', id) or ''
  local fp = ''
  if row ~= '' and ARGV[3] == '1' and not sent[sub(row, 1, 8)] then
    sent[sub(row, 1, 8)] = true
    fp = call('HGET', P .. 'fp', sub(row, 1, 8)) or ''
  end
  out[#out + 1] = row
  out[#out + 1] = fp
end
return out
""",
    # ARGV: P, ids ("id,id,...").
    "members": "return members(ARGV[2])",
    # ARGV: P, then merge's groups.
    "merge": "merge(2)",
    # ARGV: P, ids ("id,id,..."), the batch name, the ids it settles, then groups of doc ids
    # as (count, ids...): the clusters holding each group become one (as merge), the batch's
    # pending marks go, then the ids' members. Atomic without the lock: each doc's label is
    # read here, however others merged since the caller looked.
    "merge_members": """
local i = 5
while i <= #ARGV do
  local n, distinct, labels = tonumber(ARGV[i]), {}, {}
  for j = i + 1, i + n do
    local label = call('HGET', label_hash(ARGV[j]), ARGV[j])
    if label and not distinct[label] then
      distinct[label] = true
      labels[#labels + 1] = tonumber(label)
    end
  end
  table.sort(labels)
  for j = 1, #labels do labels[j] = tostring(labels[j]) end
  merge_group(labels)
  i = i + n + 1
end
settle(ARGV[3], ARGV[4])
return members(ARGV[2])
""",
    # ARGV: P, the batch name, ids ("id,id,...").
    "settle": "settle(ARGV[2], ARGV[3])",
    # KEYS: the site's block hash; ARGV: P, cap, story key, distinct block hashes.
    "blocks": """
for i = 4, #ARGV do
  local stories, known = cjson.decode(call('HGET', KEYS[1], ARGV[i]) or '[]'), false
  for _, story in ipairs(stories) do known = known or story == ARGV[3] end
  if not known and #stories < tonumber(ARGV[2]) then
    stories[#stories + 1] = ARGV[3]
    call('HSET', KEYS[1], ARGV[i], cjson.encode(stories))
  end
end
""",
    # KEYS: a hash; ARGV: P, HSET or HSETNX, then (field, value) pairs.
    "hset": "for i = 3, #ARGV, 2 do call(ARGV[2], KEYS[1], ARGV[i], ARGV[i + 1]) end",
    # ARGV: P, first, last: the doc ids listed in index hashes first..last ("id,id,...").
    "index_ids": """
local out = {}
for n = tonumber(ARGV[2]), tonumber(ARGV[3]) do
  local lists = call('HVALS', P .. 'key:' .. n)
  if #lists > 0 then out[#out + 1] = table.concat(lists, ',') end
end
return table.concat(out, ',')
""",
}.items()}

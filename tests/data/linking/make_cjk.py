"""Builds corpus-cjk.jsonl and labels-cjk.json: Japanese, Chinese and Korean copies and look-alikes.

Fictional stories written for this project. Per language: the publisher's page, a partner's
whole copy, a trimmed copy, a mirror copy inside template lines with a fake date, a rewrite
of the same event in other words, and two installments of a weekly templated report.
"""

from __future__ import annotations

from corpus_files import write_set

FETCHED = "2026-10-20T12:00:00Z"
records: list[dict] = []
labels: dict[str, dict] = {}


def add(url: str, paras: list[str], story: str | None, relation: str, published: str) -> None:
    records.append({"url": url, "text": "\n\n".join(paras), "published": published, "fetched_at": FETCHED})
    labels[url] = {"story": story, "relation": relation}


def mirror(paras: list[str], title: str, fake_date: str) -> list[str]:
    return ["Home > News", title, f"Date:{fake_date}", *paras, "veryGood! (88)", "Related", "- Top 10"]


JA = [
    "ミナセ市立中央図書館が二年間の改装工事を終え、十八日に再開した。開館前から約三百人が列を作り、市長がテープカットを行った。",
    "新しい図書館は三階建てで、子ども向けの読書室や、静かに勉強できる個人席が大幅に増えた。蔵書は約四十二万冊で、改装前より二割多い。",
    "屋上には市民が自由に使える庭園が設けられ、晴れた日には遠くの山並みを見渡すことができる。",
    "図書館の担当者は「本を借りるだけでなく、人が集まる場所にしたい」と話している。開館時間は午前九時から午後八時まで。",
]
JA_REWRITE = [
    "改装のため長く閉まっていたミナセ市の中央図書館が、ようやく市民の前に戻ってきた。",
    "初日の十八日は朝から家族連れや学生でにぎわい、新設の屋上庭園で記念写真を撮る姿も見られた。",
    "市によると、工事費は当初の見込みを上回ったが、利用者の声を取り入れて席の数を増やしたという。",
]
JA_WEEK = [
    "ミナセ湖の水位は今週、前週より{a}センチ{d}、平年を{b}センチ下回った。",
    "湖の水は市内の約{c}万世帯に送られており、市の水道局は毎週金曜日に水位を発表している。",
    "今週の降水量は合計{e}ミリで、最も多かったのは{f}曜日の{g}ミリだった。",
    "{r}",
]

ZH = [
    "海川市地铁五号线于十六日上午正式开通运营，全长二十八公里，共设十九座车站，连接城市东部新区和老城中心。",
    "开通首日，不少市民早早来到车站排队，希望成为第一批乘客。市交通局表示，五号线高峰时段每四分钟一班。",
    "新线路通车后，从东部新区到火车站的时间将由原来的一个小时缩短到三十五分钟左右。",
    "交通局负责人说，明年还将开工建设六号线，进一步完善全市的轨道交通网络。",
]
ZH_REWRITE = [
    "等了整整五年，海川东部新区的居民终于坐上了地铁。",
    "记者十六日在现场看到，车厢里既有赶着上班的年轻人，也有专门来体验新线路的老人和孩子。",
    "一位住在新区的市民告诉记者，以前进城要换两次公交车，现在半个多小时就能到。",
]
ZH_WEEK = [
    "海川市本周空气质量优良天数为{a}天，比上周{d}{b}天。",
    "市环境监测中心每周一发布上一周的空气质量报告，主要污染物为细颗粒物。",
    "本周细颗粒物平均浓度为每立方米{e}微克，最高值出现在星期{f}，达到{g}微克。",
    "{r}",
]

KO = [
    "한빛시와 강서구를 잇는 새 다리인 한빛대교가 15일 개통했다. 다리 길이는 1.2킬로미터로, 왕복 6차로에 자전거 도로와 보행로가 함께 놓였다.",
    "개통식에는 시장과 주민 500여 명이 참석했으며, 행사가 끝난 뒤 주민들이 다리를 걸어서 건너는 행사도 열렸다.",
    "시는 새 다리가 생기면서 출퇴근 시간에 강을 건너는 데 걸리는 시간이 평균 20분가량 줄어들 것으로 보고 있다.",
    "다리 건설에는 모두 4년이 걸렸으며, 시는 내년 봄까지 다리 아래 강변에 공원을 만들 계획이다.",
]
KO_REWRITE = [
    "강 하나를 사이에 두고 멀게만 느껴졌던 한빛시와 강서구가 한층 가까워졌다.",
    "15일 문을 연 한빛대교 위에서는 자전거를 타거나 산책을 즐기는 주민들의 모습이 곳곳에서 눈에 띄었다.",
    "한 주민은 그동안 다리를 돌아가느라 길에서 버리는 시간이 많았는데 이제 한결 편해졌다고 말했다.",
]
KO_WEEK = [
    "이번 주 한빛시의 평균 기온은 {a}도로, 지난주보다 {b}도 {d}.",
    "한빛시 기상대는 매주 월요일 지난 한 주의 날씨를 정리해 발표하고 있으며, 이번 주에는 비가 내린 날이 없었다.",
    "가장 더웠던 날은 {f}요일로 낮 최고 기온이 {e}도까지 올랐고, 가장 추웠던 날 아침에는 {g}도까지 떨어졌다.",
    "{r}",
]

for lang, story, rewrite, template, weeks, host in [
    ("ja", JA, JA_REWRITE, JA_WEEK, [dict(a="12", d="下がり", b="30", c="18", e="8", f="火", g="6",
                  r="水道局は、雨の少ない日が続けば節水を呼びかける可能性があるとして、引き続き様子を見るとしている。"),
             dict(a="5", d="上がり", b="25", c="18", e="41", f="木", g="27",
                  r="週の後半にまとまった雨が降ったため、水道局は当面、節水の呼びかけは必要ないとの見方を示した。")],
     "minase-shimbun.example"),
    ("zh", ZH, ZH_REWRITE, ZH_WEEK, [dict(a="5", d="增加", b="2", e="31", f="三", g="58",
                                                r="监测中心提醒，秋冬季节早晚温差大，敏感人群外出时应注意防护。"),
                                           dict(a="3", d="减少", b="2", e="47", f="五", g="76",
                                                r="受不利气象条件影响，周末出现了两天轻度污染，预计下周初将有所好转。")], "haichuan-daily.example"),
    ("ko", KO, KO_REWRITE, KO_WEEK, [dict(a="14.2", b="1.8", d="내려갔다", e="21.5", f="화", g="7.9",
                  r="기상대는 다음 주에도 맑은 날씨가 이어지겠지만 아침저녁으로는 쌀쌀하겠다며 건강 관리에 유의해 달라고 당부했다."),
                                                 dict(a="16.0", b="1.8", d="올라갔다", e="23.1", f="금", g="9.4",
                  r="주말에는 구름이 많이 끼겠으며, 일요일 오후부터는 곳곳에 가을비가 내릴 것으로 예상된다.")],
     "hanbit-ilbo.example"),
]:
    name = f"{lang}-story"
    add(f"https://www.{host}/news/{name}", story, name, "original", "2026-10-16T09:00:00+09:00")
    add(f"https://www.partner-{lang}.example/{name}", story, name, "duplicate", "2026-10-16T11:30:00+09:00")
    add(f"https://www.partner-{lang}.example/short/{name}", story[:2], name, "excerpt", "2026-10-16T12:00:00+09:00")
    add(f"https://mirror-{lang}.example/{name}.html", mirror(story, story[0][:20], "2027-01-09 18:22:07"), name,
        "duplicate", "2027-01-09 18:22:07")
    add(f"https://www.other-{lang}.example/{name}-feature", rewrite, None, "unique", "2026-10-16T18:00:00+09:00")
    for n, values in enumerate(weeks):
        add(f"https://www.{host}/weekly/{lang}-{n}", [p.format(**values) for p in template], None, "unique",
            f"2026-10-{10 + 7 * n:02d}T10:00:00+09:00")

if __name__ == "__main__":
    write_set(records, labels, "corpus-cjk.jsonl", "labels-cjk.json")

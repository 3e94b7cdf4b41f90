"""Templated wire series: the same sentences with new numbers each week or day (never copies)."""
from . import story

_MORTGAGE = [
    "The average long-term mortgage rate {verb} this week to {r30}%, {clause}.",
    "The rate {moved} from {p30}% last week, mortgage buyer Hearthline said Thursday. A year ago, the rate averaged {y30}%.",
    "Borrowing costs on 15-year fixed-rate mortgages, popular with homeowners refinancing their home loans, {verb15} to {r15}% from {p15}% last week. A year ago, it was {y15}%, Hearthline said.",
    "Mortgage rates are influenced by several factors, including how the bond market reacts to the central bank's interest rate policy decisions. That can move the trajectory of the 10-year government bond yield, which lenders use as a guide to pricing home loans.",
    "The yield was at {b10}% at midday Thursday, {bdir} from {pb10}% late Wednesday.",
    "Home sales have been sluggish for much of the year as elevated rates and high prices kept many would-be buyers on the sidelines. Sales of previously occupied homes {sdir} {sales}% in October from the month before, according to the Veloria Association of Realtors.",
    "Economists expect the average rate on a 30-year home loan to stay between {lo}% and {hi}% through the end of the year.",
]

_WRAP = [
    "Stocks {verb} {day}, {clause}.",
    "The HCX 500 index {iverb} {ipct}% to {ilvl}. The Harbor Industrial Average {dverb} {dpts} points, or {dpct}%, to {dlvl}, and the Tessera Composite {tverb} {tpct}% to {tlvl}.",
    "Technology stocks {xverb} {xpct}%, the most of any sector in the index, while utilities {uverb} {upct}%.",
    "In the bond market, the yield on the 10-year government bond {bverb} to {b10}% from {pb10}% late {prev}.",
    "Benchmark crude oil {overb} {ocents} cents to settle at ${oil} per barrel, and the price of gold {gverb} {gpct}%.",
    "Traders see a {prob}% chance that the central bank will cut its benchmark rate at its meeting in December, according to futures data compiled by the exchange.",
    "Abroad, stock indexes {everb} in Calvara and {averb} in Port Adair.",
    "Roughly {adv}% of the stocks in the HCX 500 {advverb}, and trading volume was {vol} the average of the past 30 days.",
]


def _fill(template: list[str], values: dict) -> list[str]:
    return [line.format(**values) for line in template]


STORIES = [
    story("mortgage-rates-nov12", "Average long-term mortgage rate slips to 6.41%, its lowest in two months",
          "2026-11-12 12:05", ["Nadia Corwin"], "business", dateline="PORT LAMONT, Veloria",
          series="mortgage-rates", paras=_fill(_MORTGAGE, dict(
              verb="fell", r30="6.41", clause="giving prospective homebuyers some relief heading into the end of the year",
              moved="dropped", p30="6.52", y30="6.84", verb15="fell", r15="5.63", p15="5.71", y15="6.02",
              b10="4.18", bdir="down", pb10="4.23", sdir="rose", sales="1.2", lo="6.2", hi="6.6"))),
    story("mortgage-rates-nov19", "Average long-term mortgage rate climbs to 6.58%, ending a three-week slide",
          "2026-11-19 12:03", ["Nadia Corwin"], "business", dateline="PORT LAMONT, Veloria",
          series="mortgage-rates", paras=_fill(_MORTGAGE, dict(
              verb="rose", r30="6.58", clause="ending a three-week slide that had brought borrowing costs to a two-month low",
              moved="climbed", p30="6.41", y30="6.79", verb15="rose", r15="5.77", p15="5.63", y15="5.98",
              b10="4.31", bdir="up", pb10="4.26", sdir="fell", sales="0.8", lo="6.4", hi="6.8"))),
    story("stocks-nov17", "Stock market today: Stocks drift lower as bond yields climb",
          "2026-11-17 16:20", ["Felix Amundsen"], "business", dateline="HARBOR CITY",
          series="market-wrap", paras=_fill(_WRAP, dict(
              verb="drifted lower", day="Tuesday", clause="as rising bond yields weighed on the market and investors waited for earnings reports from big retailers later in the week",
              iverb="fell", ipct="0.4", ilvl="5,912.36", dverb="lost", dpts="121", dpct="0.3", dlvl="43,108.54",
              tverb="slipped", tpct="0.6", tlvl="18,744.20", xverb="fell", xpct="1.1", uverb="rose", upct="0.5",
              bverb="rose", b10="4.29", pb10="4.22", prev="Monday", overb="fell", ocents="48", oil="71.35",
              gverb="slipped", gpct="0.2", prob="58", everb="fell", averb="rose", adv="38", advverb="rose",
              vol="slightly below"))),
    story("stocks-nov18", "Stock market today: Stocks rally to records as chipmakers climb",
          "2026-11-18 16:15", ["Felix Amundsen"], "business", dateline="HARBOR CITY",
          series="market-wrap", paras=_fill(_WRAP, dict(
              verb="rallied to records", day="Wednesday", clause="as chipmakers jumped and investors welcomed a drop in bond yields",
              iverb="rose", ipct="1.2", ilvl="5,983.30", dverb="gained", dpts="388", dpct="0.9", dlvl="43,496.71",
              tverb="climbed", tpct="1.7", tlvl="19,062.85", xverb="rose", xpct="2.4", uverb="fell", upct="0.3",
              bverb="fell", b10="4.21", pb10="4.29", prev="Tuesday", overb="rose", ocents="62", oil="71.97",
              gverb="rose", gpct="0.4", prob="64", everb="rose", averb="fell", adv="71", advverb="rose",
              vol="well above"))),
]

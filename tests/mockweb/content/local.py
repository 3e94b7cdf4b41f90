"""Partner staff stories (local news and rewrites of wire events) and the hostile site's stories."""
from . import CST, story

KVTN, LEDGER = "www.kvtn7.com", "www.rivertonledger.com"

STAFF = [
    story("kvtn-bike-lanes", "Riverton council approves protected bike lanes on Ninth Street after heated meeting",
          "2026-11-18 07:10", ["Mackenzie Doyle"], "local", tz=CST, paras=[
              "The Riverton City Council voted 5-2 late Tuesday to add protected bike lanes along a 1.8-mile stretch of Ninth Street, ending months of debate over parking, safety and the future of the city's busiest commercial corridor.",
              "The $2.3 million project will remove about 90 on-street parking spaces and install concrete curbs between cyclists and traffic from Mercer Avenue to the Riverton Community College campus. Construction is scheduled to begin in April.",
              "More than 60 people signed up to speak during a public comment period that stretched past 11 p.m. Several business owners said losing parking would drive away customers who already struggle to find spaces.",
              "“My customers are seventy years old. They are not going to bike to buy a lamp,” said Hal Brosnan, who owns a lighting store on Ninth Street.",
              "Supporters pointed to two cyclist deaths on the corridor in the past three years. “We are not choosing between businesses and bikes,” council member Yvette Sorensen said. “We are choosing whether people get home alive.”",
              "The city plans to add a small public parking lot near Ninth and Harlow to make up for some of the lost spaces.",
          ]),
    story("kvtn-shelter-fees", "Riverton animal shelter waives adoption fees as flood strays fill its kennels",
          "2026-11-24 12:25", ["Tariq Benson"], "local", tz=CST, paras=[
              "The Riverton Animal Shelter is waiving adoption fees through the end of the month after taking in more than 120 dogs and cats in the weeks since floodwaters forced families out of their homes along the Tessel River.",
              "Shelter director Ginny Albrecht said about a third of the animals had been reunited with their owners, but many others were never claimed. The shelter is designed to house about 80 animals.",
              "“We have dogs in the break room and cats in the conference room,” Albrecht said. “Every single one of them needs a couch.”",
              "All animals available for adoption have been vaccinated and microchipped, and volunteers are offering free starter kits with food, leashes and litter.",
              "The shelter, on County Road 14 just north of the fairgrounds, is open from 10 a.m. to 6 p.m. daily, including weekends.",
          ]),
    # A rewrite with a station credit in the dateline: KVTN is not a wire agency.
    story("kvtn-derailment-families", "Millbrook families wait at Dalton school after train derailment leaks acid",
          "2026-11-10 13:05", ["Mackenzie Doyle", "Tariq Benson"], "local", tz=CST,
          dateline="MILLBROOK, Amberly", credit="KVTN", rewrite_of="millbrook-derailment", paras=[
              "Dozens of Millbrook families spent Tuesday on folding chairs and borrowed cots in the gym at Dalton Middle School, waiting for word on when they could go back to homes near the site of a morning train wreck.",
              "Our crews counted at least 18 rail cars off the tracks on the east side of Millbrook, where hazardous materials teams in yellow suits worked around two leaking tankers. Officials told our station the cars were carrying hydrochloric acid.",
              "Bill and Edna Sayers said they were eating breakfast when a deputy knocked on their door. “He said grab your pills and go,” Edna Sayers told KVTN 7. “So that's what we have, our pills.”",
              "Millbrook Mayor Duane Fischer said about 800 people live inside the one-mile evacuation zone. He asked residents not to try to slip back in for belongings. “I know it's hard. Give the crews the day,” he said.",
              "The railroad has promised to pay for hotel rooms, and a Dalton church began handing out hot meals at noon. The state's environmental agency said air readings beyond the cordon were normal.",
              "Crews expect to spend at least two days removing the damaged cars and cleaning up the spill.",
          ]),
    story("ledger-library-reopens", "Riverton's Hawthorne Library reopens after a two-year renovation",
          "2026-11-21 16:45", ["Eleanor Pike"], "local", tz=CST, paras=[
              "The Hawthorne Library in downtown Riverton reopened Saturday after a two-year, $9.6 million renovation that restored its 1908 reading room and added an elevator, a teen center and a makerspace with 3D printers.",
              "Hundreds of people lined up on the front steps before the ribbon-cutting, and children's librarian Opal Whitford said the library issued 214 new cards in the first three hours.",
              "The renovation uncovered a stained-glass skylight that had been covered with plaster since the 1960s. Workers spent months cleaning and repairing its 1,100 panes of glass.",
              "“People kept telling me this building was old and tired,” library director Samuel Okafor said. “It was never tired. It was waiting.”",
              "The library's temporary branch in a former shoe store on Mercer Avenue closed Friday. Its hours are now 9 a.m. to 8 p.m. Monday through Saturday and noon to 5 p.m. on Sunday.",
          ]),
    story("ledger-robotics", "Riverton High robotics team earns trip to national championship with trash-sorting robot",
          "2026-11-23 06:30", ["Marcus Reyes"], "education", tz=CST, paras=[
              "A robot that can pick recyclable bottles out of a moving stream of trash has earned Riverton High School's robotics team a spot at the national championship in February, the first time the school has qualified.",
              "The team of 14 students, who call themselves the Gearhounds, finished second out of 46 teams at the state competition in Castleford on Saturday. Their robot, nicknamed Sorty, uses a camera and a suction arm to grab plastic bottles off a conveyor belt.",
              "“We got the idea after a field trip to the county recycling plant,” said team captain Anjali Moreau, a senior. “People there pick bottles out by hand all day. We thought, a robot could do that.”",
              "Coach Peter Lindqvist said the team needs to raise about $18,000 for travel and parts before the championship. Students are holding a pancake breakfast fundraiser at the school cafeteria on Dec. 5.",
              "Riverton High's team was founded six years ago with four members and a borrowed toolbox, Lindqvist said.",
          ]),
    story("ledger-eastbank-flood", "Eastbank residents flee rising Tessel as river nears record",
          "2026-11-05 19:20", ["Eleanor Pike", "Marcus Reyes"], "local", tz=CST,
          rewrite_of="river-flooding", paras=[
              "Water crept up Eastbank's streets all day Thursday, and by afternoon residents who had sworn they would ride out the flood were waving down rescue boats from their porches.",
              "The Tessel topped out just under 25 feet at the Riverton gauge, a level the city has seen only twice before. In Mill Flats, the river spread across backyards and into basements, and the smell of fuel oil hung over several blocks.",
              "“I moved the furniture upstairs on Monday and told myself that was enough,” said retired mail carrier June Castellanos, who left by boat with a garbage bag of clothes. “It was not enough.”",
              "At the college gym that became a shelter, volunteers from three churches were serving chili and coffee by early evening. About 400 people had signed in, according to city staff.",
              "Chief Teague told the Ledger that crews were keeping a close eye on the levee behind the old rail yard, where seepage was reported overnight. “It is holding, and we intend to keep it that way,” she said.",
              "Towns downstream were bracing for the crest to arrive over the weekend.",
          ]),
    story("ledger-budget-schools", "What the new state budget means for Riverton schools and shoppers",
          "2026-11-13 18:55", ["Marcus Reyes"], "state", tz=CST, rewrite_of="amberly-budget", paras=[
              "Riverton's public schools stand to receive about $11 million more next year under the state budget signed Friday in Castleford, according to district estimates, enough to hire roughly 70 teachers and reopen the shuttered Westside pool.",
              "Superintendent Carla Mendez said the district would also use part of the money to raise starting pay for bus drivers, who have been in short supply since the spring.",
              "Shoppers will notice the change more slowly. The grocery tax drops by a third in January and disappears entirely in 2029, which the Ledger estimates would save a typical Riverton family of four about $190 a year once fully phased in.",
              "Lawmakers have not yet said how much of the new statewide flood money will go to Riverton's aging levee.",
              "“We have been asking for levee money for fifteen years,” said council member Yvette Sorensen. “I will believe it when the trucks show up.”",
          ]),
]

# Which partner ran each staff story.
STAFF_HOST = {
    "kvtn-bike-lanes": KVTN, "kvtn-shelter-fees": KVTN, "kvtn-derailment-families": KVTN,
    "ledger-library-reopens": LEDGER, "ledger-robotics": LEDGER,
    "ledger-eastbank-flood": LEDGER, "ledger-budget-schools": LEDGER,
}

# Phase 2: the Ledger corrects one sentence of a story; its sitemap lastmod moves on.
STAFF_EDIT_PHASE2 = {
    "ledger-library-reopens": (
        "Workers spent months cleaning and repairing its 1,100 panes of glass.",
        "Workers spent nearly a year cleaning and repairing its 1,100 panes of glass.",
        "2026-11-27 09:15",
    ),
}

HOSTILE = [
    story("gull-point-keeper", "Last keeper of the Gull Point lighthouse retires after 41 years",
          "2026-11-26 09:00", ["Winifred Osei"], "news", credit=None, paras=[
              "When Abel Thorsen started at the Gull Point lighthouse in 1985, he climbed its 112 steps four times a night to wind the clockwork that turned the lens. On Wednesday, he climbed them one last time.",
              "Thorsen, 67, is retiring as the last full-time keeper on the Marrow Coast. The light was automated decades ago, but the county kept him on to maintain the tower, run tours and, as he puts it, “keep the gulls honest.”",
              "“People ask if I got lonely,” Thorsen said, looking out over gray water from the lamp room. “You can't get lonely with the sea talking at you all day.”",
              "The county plans to turn the keeper's cottage into a small museum. Thorsen has donated his logbooks, which record every storm, shipwreck and visiting whale since 1985.",
              "He is moving inland, to a town with no view of the water. “I have seen enough ocean,” he said, and laughed.",
          ]),
    story("wexley-cider-press", "Hillside orchard growers band together to save a century-old cider press",
          "2026-11-25 14:30", ["Keiko Farrand"], "news", credit=None, paras=[
              "Apple growers in the hills above Wexley have formed a cooperative to buy the town's century-old cider press, which was headed for the scrapyard after its owner died last spring.",
              "Twenty-three families each put in $2,500, and a crowdfunding campaign raised the rest of the $90,000 price. The press, driven by a restored steam engine, turned out its first batch under the new owners on Saturday.",
              "“My grandfather brought his apples here, and so did everybody's grandfather,” said grower Hannelore Vick, the cooperative's treasurer. “We weren't going to let it become somebody's garden ornament.”",
              "The cooperative plans to sell cider at the Wexley farmers market and open the press to visitors on weekends through December.",
              "Members say they hope to break even in three years.",
          ]),
]

# Linked and listed in the sitemap, but robots.txt disallows it: no record may come of it.
PRIVATE = story("private-memo", "Draft newsroom budget memo, not for publication",
                "2026-11-20 10:00", ["Managing Editor"], "private", credit=None, paras=[
                    "This draft lists the stories planned for the weekend edition and the freelance budget for December. It is not meant for readers and must never be crawled.",
                    "Please send corrections to the night desk before Friday.",
                ])

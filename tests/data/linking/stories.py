"""Fictional stories for the linking corpus (invented for this project; Wendmark is no real place)."""

FIRE = [
    "A fire tore through the old Calder glassworks on the Greywater riverfront early Sunday, sending a column of black smoke over the city and forcing the evacuation of about 200 residents from apartment buildings nearby.",
    "Firefighters were called to the four-story brick building at 3:40 a.m. and found flames coming from the roof, Greywater Fire Chief Odette Marsh said. Crews from six neighboring towns helped fight the blaze, which took more than five hours to bring under control.",
    "No one was inside the building, which has stood empty since the glassworks closed in 1998, and no injuries were reported. Two firefighters were treated for heat exhaustion at the scene.",
    "“This was a stubborn fire in a building full of old timber and oil-soaked floors,” Marsh said at a briefing on Water Street. “Our people did remarkable work keeping it from jumping to the apartments next door.”",
    "The cause of the fire was under investigation. Marsh said the state fire marshal's office had been asked to help and that investigators would not be able to enter the building until engineers confirmed it would not collapse.",
    "The glassworks, built in 1871, once employed more than 900 people and made bottles and window panes that were shipped across the region by river barge. The city bought the property in 2019 and had been seeking a developer to turn it into housing and studio space.",
    "Mayor Lionel Treadway called the loss “a punch in the gut” for a neighborhood that had been counting on the project. He said the city would decide in the coming weeks whether any part of the structure could be saved.",
    "Residents who were evacuated spent the morning at a Red Lantern shelter set up in the gym of Riverside Middle School. Most were allowed to return home by early afternoon, though a two-block stretch of Water Street remained closed.",
    "Tamsin Okafor, who lives across the street, said she woke to the sound of windows bursting in the heat. “It sounded like someone was throwing plates against a wall,” she said. “Then I looked outside and the whole sky was orange.”",
    "It was the third large fire in a vacant industrial building in Greywater in two years. The city council is scheduled to vote next month on a plan to require owners of empty buildings to install monitored alarms.",
]

BUS = [
    "School bus drivers in Pellham County voted overwhelmingly Tuesday to accept a new three-year contract, ending a month of uncertainty that had threatened to leave thousands of students without a ride to class.",
    "Members of the Pellham Transit Drivers Guild approved the agreement 412 to 37, union officials said. The deal raises starting pay to $24 an hour from $19.50 and guarantees drivers at least 30 hours of paid work each week during the school year.",
    "The district had warned parents last week that as many as 60 routes could be cancelled if drivers walked off the job, and some families had begun organizing car pools.",
    "“Our drivers have been holding this system together with duct tape for years,” guild president Renata Solis said after the vote. “This contract finally pays them like the professionals they are.”",
    "Superintendent Gideon Farrow said the district would pay for the raises with money set aside from a state transportation grant and by consolidating a handful of lightly used routes in the eastern part of the county.",
    "The shortage of bus drivers has been a problem for districts across Wendmark since the pandemic. A state survey released in the spring found that nearly one in five districts had cancelled routes at least once because no driver was available.",
    "Pellham County runs 214 bus routes and transports about 18,000 students a day. District officials said they hoped the higher pay would help fill 40 open driver positions before winter.",
    "Parent Marisol Quint, whose two children ride a bus from the Hollins Creek neighborhood, said she was relieved. “I had no idea how I was going to get them to school and still make it to my shift,” she said.",
    "The school board is expected to formally approve the contract at its meeting next Monday.",
]

RESCUE = [
    "Two hikers who had been missing for four days in the Corran Range were found alive Thursday, sheltering in a rock overhang after a sudden snowstorm stranded them far from the trail they had set out to hike.",
    "A helicopter crew from the Wendmark Air Guard spotted the pair shortly after 10 a.m. when one of them waved an orange rain jacket from a ledge about 2,000 feet below Sorrel Peak, said Ashford Falls County Sheriff Benedict Lowe.",
    "The hikers, identified as Priya Holloway, 34, and her brother Ansel Holloway, 29, both of Marlow Bay, were flown to Ashford Falls General Hospital. Lowe said they were dehydrated and had mild frostbite but were able to walk to the helicopter.",
    "The siblings had planned a two-day trip on the Lantern Lakes loop and were reported missing by a friend on Sunday night when they failed to return. Their car was found at the trailhead the next morning.",
    "More than 80 volunteers, along with search dogs and drones, combed the area for three days while snow and high winds grounded aircraft. Searchers found footprints leading off the trail on Tuesday but lost them in fresh snow.",
    "“They did everything right once they got into trouble,” Lowe said. “They stayed together, they stayed put, they found shelter and they rationed what food they had. That is why we are having this conversation today.”",
    "Priya Holloway told rescuers that the pair had taken a wrong turn in heavy fog on the first afternoon and decided to wait out the storm rather than try to find their way back in the dark.",
    "The Corran Range draws thousands of hikers each autumn, and the sheriff's office responds to several dozen rescue calls a year. Lowe urged visitors to carry a locator beacon and to tell someone their exact route before setting out.",
    "The search cost the county an estimated $65,000, much of it for helicopter time, but Lowe said the office had no plans to bill the family.",
    "“Some days this job breaks your heart,” he said. “Today was not one of those days.”",
]

TRAIN_EARLY = [
    "A commuter train derailed Friday morning on a bridge outside Marlow Bay, injuring at least 12 passengers and halting service on the busiest rail line in northern Wendmark, officials said.",
    "Three cars of the 7:15 a.m. train from Kestral to Marlow Bay left the tracks as it crossed the Fennick River, according to a spokesperson for Wendmark Regional Rail. None of the cars fell into the water.",
    "This is a developing story. Check back for updates.",
]

TRAIN_LATE = [
    "A commuter train derailed Friday morning on a bridge outside Marlow Bay, injuring at least 12 passengers and halting service on the busiest rail line in northern Wendmark, officials said.",
    "Investigators from the state transportation safety board were examining a section of rail that appeared to have buckled, and the rail agency said it had found no sign of a problem with the train itself during an initial inspection.",
    "Four of the injured were taken to Marlow Bay Medical Center with broken bones, hospital spokesperson Dorian Vale said. The others were treated at the scene for cuts and bruises and released.",
    "Passenger Hestia Grunwald said the train lurched sharply to the left and then scraped along the side of the bridge for what felt like a full minute. “Everyone was screaming, and bags were flying off the racks,” she said. “Then it just stopped, and it was completely quiet.”",
    "Crews used ladders to help about 300 passengers walk along the bridge to a service road, where buses took them to the Marlow Bay station. Some waited nearly two hours in a cold drizzle.",
    "Wendmark Regional Rail said buses would replace trains between Kestral and Marlow Bay through at least Monday while the track and the bridge are inspected. About 22,000 people ride the line on a typical weekday.",
    "The bridge, which dates to 1952, was last inspected in June and rated in fair condition, according to state records. Gov. Celeste Amari said she had ordered an independent review of every rail bridge on the line.",
    "It was the second derailment on the line in three years. In 2024 a freight train jumped the tracks near Kestral after a rail broke in freezing weather, spilling grain but injuring no one.",
]

MORTGAGE = [
    "The average rate on a 30-year home loan {dir} to {r30}% this week, mortgage financier Brightmoor said Thursday, {tail}.",
    "A week earlier the rate stood at {p30}%. A year ago it averaged {y30}%.",
    "The average rate on 15-year fixed mortgages, often used by homeowners who refinance, {dir15} to {r15}% from {p15}% last week.",
    "Mortgage rates tend to follow the yield on the 10-year government bond, which lenders use as a guide for pricing home loans. Bond yields rise and fall with expectations for inflation and for the central bank's next move.",
    "The 10-year yield was {b10}% at midday Thursday, compared with {pb10}% a week earlier.",
    "Higher borrowing costs have kept many would-be buyers on the sidelines this year, and sales of existing homes remain well below the pace of a few years ago. Applications for purchase loans {apps} {appct}% from the previous week, according to the Wendmark Bankers Council.",
    "Economists expect the average 30-year rate to end the year between {lo}% and {hi}%.",
]

WRAP = [
    "Stocks {verb} on {day}, {tail}.",
    "The Meridian 400 index {iverb} {ipct}% to {ilvl}, while the Coastline Industrial Average {dverb} {dpts} points, or {dpct}%, to {dlvl}.",
    "Technology shares led the market, with chipmakers {cverb} {cpct}% as a group, while energy stocks {everb} {epct}% along with crude oil.",
    "Treasury yields {bverb} in the bond market, with the 10-year yield at {b10}% from {pb10}% late {prev}.",
    "Benchmark crude oil {overb} {oc} cents to settle at ${oil} a barrel.",
    "Investors are watching for signs that the central bank will lower interest rates before the end of the year, which would make borrowing cheaper for companies and households alike.",
    "About {adv}% of the stocks in the Meridian 400 {advv}, and trading volume was {vol} its recent average.",
]

LIBRARY = [
    "The Kestral Public Library reopened its main branch Saturday after a two-year renovation that added a children's wing, a recording studio and a rooftop reading garden overlooking the harbor.",
    "Hundreds of people lined up before the doors opened at 9 a.m., and the library issued more than 600 new cards by midafternoon, head librarian Augustin Pell said.",
    "The $31 million project was paid for with a city bond approved by voters in 2023 and about $7 million in private donations. It replaced leaking roofs, added an elevator and restored the building's original 1912 skylight.",
    "“People told us libraries were dying,” Pell said as children raced past him toward the new wing. “Look around. This is the busiest room in the city today.”",
    "The children's wing includes a puppet theater and a room where toddlers can climb on oversized foam books. The recording studio, which can be booked for free, is already reserved every evening for the next month.",
    "During the renovation the library ran a small branch out of a former shoe store on Cannery Row, where circulation fell by about a third.",
    "City council member Ines Barlow, who led the campaign for the bond, said the library would also serve as a cooling center during summer heat waves. “It is a library, a living room and a lifeline,” she said.",
    "The main branch will be open seven days a week, with evening hours until 9 p.m. on weekdays.",
]

SHIPPING = [
    "Nordhavn Line, one of the largest container carriers on the northern route, said on Tuesday it would cut the number of weekly sailings between Varnholm and the Gulf ports by a third from next month as freight rates keep falling.",
    "The company said demand for space on its ships had dropped sharply since the summer, while a wave of new vessels ordered during the boom years was still entering service across the industry.",
    "Spot rates for a standard 40-foot container on the route have fallen about 45% since June, according to a freight index compiled by the Varnholm Maritime Exchange.",
    "Chief executive Halvard Eik told analysts on a conference call that the cuts were temporary and that the company would restore capacity as soon as demand recovered. Nordhavn will idle six ships and return two chartered vessels to their owners early.",
    "Shares in Nordhavn fell 3.2% in Varnholm trading after the announcement, extending their decline this year to nearly 20%.",
    "Rival carriers have made similar cuts in recent weeks, and analysts expect more to follow before the slower winter season begins.",
    "Port officials in Varnholm said they were in talks with the company about the impact on dock workers, about 1,400 of whom handle Nordhavn cargo.",
    "Nordhavn will report its third-quarter results on Nov. 6.",
]

FAIR = [
    "The Ridgeback County Fair closed its 150th season on Sunday with record attendance, a 1,340-pound pumpkin and a blue ribbon for a 12-year-old who raised her first steer in a backyard pen.",
    "Fair manager Corwin Stiles said more than 96,000 people came through the gates over nine days, topping the previous record set in 1994. Good weather and a new shuttle from the Ridgeback train station helped, he said.",
    "The giant pumpkin, grown by retired mail carrier Edwina Farr, broke the fair's record by more than 200 pounds. Farr said she fed the vine a mixture of fish emulsion and compost tea and sang to it on cool evenings.",
    "Twelve-year-old Lucy Amberg's steer, named Biscuit, won grand champion in the youth livestock show. She said she had been up at 5 each morning since March to feed and walk him.",
    "“I cried when they called my name, and then I cried again when I realized I have to sell him,” Amberg said. Biscuit sold at auction for $8,400 to a local grocery chain.",
    "The fair's midway, demolition derby and quilt show all drew bigger crowds than last year, Stiles said, and vendors reported strong sales despite higher prices for food and rides.",
    "Organizers are already planning next year's fair, which will add a second stage for local bands and a covered area for the livestock barns.",
]

FROST = [
    "A hard frost in the last week of April has wiped out as much as two-thirds of the cherry crop in the Tollan Valley, growers said Monday, the worst loss in more than two decades.",
    "Temperatures dropped to 24 degrees on three consecutive nights just as the trees were in full bloom, killing the blossoms before they could set fruit, said Harlan Meeks, who manages the valley growers' cooperative.",
    "Some orchards ran wind machines and sprinklers through the night to keep the air moving and protect the buds, but Meeks said many smaller farms could not afford the equipment or the fuel.",
    "“You walk the rows and the blossoms look fine from a distance,” said grower Sabine Ortolan. “Then you open one up and the middle is black. It is a sick feeling.”",
    "The valley produces about 40% of the cherries grown in Wendmark, and packing houses employ hundreds of seasonal workers each summer. Meeks said some packing lines might not open at all this year.",
    "State agriculture officials said they would survey the damage this week to determine whether growers qualify for disaster aid.",
]

HOCKEY = [
    "The Ashford Falls Otters won their first league championship in 41 years on Saturday night, beating the Pellham Stags 3-2 in overtime on a goal by rookie defenseman Tobias Wren.",
    "Wren, playing in only his 30th professional game, took a pass at the blue line and fired a wrist shot through traffic that beat Stags goalie Emil Sorensen high on the glove side 6:12 into the extra period.",
    "“I just shot it and hoped,” Wren said, his jersey soaked in champagne. “I did not even see it go in. I just heard the building explode.”",
    "The Otters trailed 2-0 after the first period before captain Marcus Ellery scored twice in the second to tie the game. Goalie Pavel Irons made 38 saves, including a sprawling stop on a breakaway with less than a minute left in regulation.",
    "The Stags had won the first two games of the final series before the Otters rallied to win four straight, the first team in league history to come back from that deficit in the championship round.",
    "More than 9,000 fans packed Riverside Arena, and thousands more watched on screens set up in the town square, where the celebration lasted well past midnight.",
    "The team will hold a parade through downtown Ashford Falls on Tuesday afternoon, Mayor Delphine Rourke announced.",
    "Ellery, who is 36 and has spent his entire 15-year career with the Otters, said he had not decided whether he would play another season. “Ask me in a month,” he said. “Tonight I am just going to enjoy this.”",
]

BEETLE = [
    "Researchers at the University of Wendmark have discovered a species of beetle that can survive being frozen solid for weeks, a finding they say could help scientists improve the storage of human organs for transplant.",
    "The beetle, about the size of a grain of rice, lives under the bark of fallen spruce trees in the high forests of the Corran Range, where winter temperatures regularly fall below minus 30 degrees.",
    "In laboratory tests, the team froze dozens of the insects for up to 45 days and found that more than 80% revived within an hour of being warmed, said biologist Marguerite Tal, who led the study.",
    "The key appears to be a protein that stops ice crystals from growing inside the beetle's cells, where they would otherwise tear delicate membranes apart. The researchers identified the gene that makes the protein and have begun producing it in the lab.",
    "“Nature solved this problem millions of years ago,” Tal said. “We are just trying to learn how it did it.”",
    "Donor hearts and lungs can currently be kept outside the body for only a few hours, which limits how far they can travel. Freezing them would give doctors far more time, but ice damage has made that impossible so far.",
    "Other scientists cautioned that the work was at an early stage. “A beetle is not a kidney,” said Anand Ruiz, a cryobiologist at Lorne Institute who was not involved in the research. “But it is a very interesting place to start.”",
    "The findings were published Wednesday in the Journal of Cold Biology.",
]

DAM = [
    "State engineers have ordered the Holbrook Reservoir lowered by 15 feet after an inspection found cracks in the concrete spillway of the century-old dam that holds it back, officials said Wednesday.",
    "The Wendmark Department of Water Resources said there was no immediate danger to the town of Holbrook, about 3 miles downstream, but that releasing water would reduce pressure on the spillway while crews study the damage.",
    "Inspectors found several cracks up to a quarter-inch wide during a routine review last week, department spokesperson Calla Verhoeven said. Divers will examine the underwater part of the structure next week.",
    "The dam, built in 1921 to supply water to farms in the Lindqvist Valley, was rated in poor condition in a state report two years ago. Lawmakers set aside $48 million for repairs last spring, but work was not scheduled to begin until 2028.",
    "“We would rather be cautious and lower the lake now than be sorry later,” Verhoeven said.",
    "Lowering the reservoir will take about three weeks and will close the public boat ramp for the rest of the season. Marina owner Bartholomew Keane said the timing could not be worse. “September is when we pay our bills for the winter,” he said.",
    "Residents of Holbrook said they had long worried about the dam. Emergency officials planned a public meeting Thursday evening at the town hall to explain the evacuation plan in case conditions worsen.",
    "The department said it would post updates on the reservoir level every day on its website.",
]

BRIDGE = [
    "The Fennick River bridge between Pellham and Kestral will close to all traffic for at least eight months starting in January so crews can replace its crumbling deck, state transportation officials said Monday.",
    "About 31,000 vehicles cross the bridge each day, and the closure will add as much as 25 minutes to some commutes, according to the Wendmark Department of Transportation. A detour will send drivers over the Ambler Road bridge about 6 miles to the north.",
    "Officials said they considered keeping one lane open during construction but concluded that doing so would double the length of the project and raise its cost by about $20 million.",
    "“Nobody likes a full closure, and we know this is going to be painful,” project manager Lucia Brand said. “But eight months of pain is better than two years of it.”",
    "The 1964 bridge has been under weight limits since 2022, when inspectors found that water seeping through cracks in the deck had rusted some of the steel beneath it. Trucks heavier than 20 tons are already banned.",
    "Business owners in downtown Kestral said they feared losing customers who now drive over from Pellham. The state plans to add extra bus service and a free park-and-ride lot during the closure.",
    "The new deck is designed to last 75 years. Bids for the $62 million project will be opened next month.",
]

UNIQUES = {
    "zoo": [
        "The Greywater Zoo welcomed a rare red panda cub this week, the first born at the zoo in its 80-year history, keepers said Friday.",
        "The female cub, which has not yet been named, weighed just over 4 ounces at birth and is being cared for by her mother in a private den away from visitors. Keepers are watching the pair on a camera feed.",
        "Head keeper Rosalind Achebe said the cub appeared healthy and was nursing well. Visitors may be able to see her in the spring, once she is strong enough to climb.",
        "The zoo plans to let the public vote on a name later this month.",
    ],
    "election": [
        "Voters in Marlow Bay will choose a new mayor in a runoff next month after none of the five candidates won a majority in Tuesday's election, according to unofficial results.",
        "City council member Avery Lindholm finished first with 38% of the vote, followed by former school board president Jonah Whitcombe with 31%. The top two candidates advance to the runoff on Dec. 9.",
        "Both candidates have promised to build more housing and to fix the city's aging water system, but they differ sharply on a proposal to raise the local sales tax to pay for a new ferry terminal.",
        "Turnout was about 41% of registered voters, higher than in the last mayoral race, the county clerk's office said.",
    ],
    "bakery": [
        "A bakery on Cannery Row in Kestral that has sold the same rye bread since 1931 will close at the end of the year, its owners said, because no one in the family wants to take it over.",
        "Brothers Oskar and Felix Brandvold, who have run Brandvold Bakery since their father retired in 1989, said they were tired after decades of 3 a.m. starts and wanted to spend more time with their grandchildren.",
        "Customers have been lining up around the block since the news spread, and the bakery has been selling out of bread by 10 a.m. every day this week.",
        "The brothers said they would share their rye recipe with anyone who asks. “It was never a secret,” Oskar Brandvold said. “It is just flour, water, salt and patience.”",
    ],
    "festival": [
        "Organizers of the Tollan Valley Music Festival said Monday they would move the event from August to June next year after two straight summers of extreme heat sent dozens of fans to first-aid tents.",
        "The three-day festival drew about 45,000 people this year to a farm outside the town of Tollan. Medics treated 112 people for heat-related illness, most on the final afternoon, when the temperature reached 104 degrees.",
        "Festival director Imogen Strand said the June dates would also avoid the wildfire season that has forced other outdoor events in the region to cancel.",
        "Tickets for next year's festival will go on sale in February.",
    ],
    "pothole": [
        "Pellham has filled more than 11,000 potholes since March, a record for the city, after a winter of repeated freezes and thaws left many streets pitted and cracked, public works officials said.",
        "The city hired two private contractors and ran crews on weekends to keep up with complaints, which peaked at more than 600 a week in April. The repairs have cost about $2.3 million so far, nearly double the budget.",
        "Public works director Edgar Nilsen said the city would now focus on repaving the worst streets rather than patching them again. A list of roads to be repaved this summer was posted on the city website.",
        "Residents can still report potholes through the city's phone app, Nilsen said.",
    ],
    "ferryfare": [
        "Fares on the Marlow Bay harbor ferries will rise by 50 cents in July, the first increase in six years, the Marlow Bay Port Authority decided Thursday after a heated public hearing.",
        "The base adult fare will go to $3.25, while fares for students and seniors will stay the same. The authority said the extra money would help pay for two new electric ferries due to arrive in 2028.",
        "Several riders told the board the increase would hurt low-income commuters who depend on the boats to reach jobs downtown. Board chair Winifred Osei said the authority would expand a discount program for riders who qualify.",
        "About 9,000 people ride the ferries on a typical weekday.",
    ],
    "sidebar_a": [
        "A stray dog that wandered into a Kestral fire station during a thunderstorm last winter has been made an honorary member of the crew, complete with a small helmet and a name tag that reads Captain Puddles.",
        "Firefighters said the scruffy terrier mix showed up soaked and shivering in February and simply refused to leave. After no owner came forward, the crew chipped in to pay for her shots and adopted her.",
        "Captain Puddles now rides along on school visits and fire safety talks, where she demonstrates the stop, drop and roll drill by flopping onto her back on command.",
        "“She is better at it than most of the kids,” firefighter Jaime Castellanos said.",
    ],
    "sidebar_b": [
        "A retired schoolteacher in Ashford Falls has knitted more than 3,000 hats for newborns at the county hospital over the past 12 years, and she says she has no plans to put down her needles.",
        "Genevieve Hart, 87, began knitting the tiny caps after her first great-grandchild was born early and spent a month in the hospital's neonatal unit. She now finishes about five hats a week while listening to the radio.",
        "Nurses say parents often keep the hats as mementos long after their babies go home. Some families have sent Hart photos of their children wearing the caps on their first birthdays.",
        "“Every one of those babies gets something made by hand,” Hart said. “I think that matters, even if they never remember it.”",
    ],
}

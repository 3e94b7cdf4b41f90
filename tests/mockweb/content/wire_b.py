"""Wire stories, part two: late November 2026, the wildfire write-thru pair and phase-2 news."""
from . import story

_FIRE_LEDE = ("A wind-driven wildfire raced through dry grassland east of Granite Bluff on "
              "Saturday, forcing thousands of people to flee as firefighters struggled to keep "
              "the flames away from homes on the edge of town.")

STORIES = [
    story(
        "crimson-heron",
        "Rare crimson heron spotted in Norrance marsh draws birders from hundreds of miles away",
        "2026-11-16 08:30", ["Grace Oyelaran"], "oddities", dateline="SALT MEADOW, Norrance",
        paras=[
            "A crimson heron, a bird so rare that it had not been confirmed in Norrance in more than 60 years, has turned a quiet coastal marsh into a traffic jam of birdwatchers, spotting scopes and long camera lenses.",
            "A retired schoolteacher, Iris Mbeki-Lund, first photographed the wading bird on Wednesday while counting ducks for a volunteer survey. By the weekend, hundreds of people had lined the boardwalk at the Salt Meadow Wildlife Refuge hoping to see it.",
            "“I thought it was a trick of the light,” Mbeki-Lund said. “Then it turned its head and I nearly dropped the camera.”",
            "The heron normally lives in mangrove swamps more than 1,500 miles to the south. Ornithologists said it was probably blown off course by a storm that passed through the region late last month.",
            "Refuge manager Carl Ostrowski said staff had added portable toilets and extra parking but asked visitors to stay on the boardwalk and keep their voices down. “The bird is tired and hungry,” he said. “It did not come here to be famous.”",
            "Diners and motels near the refuge reported a small boom. One cafe by the entrance began selling a heron-shaped pancake.",
            "Birders logged sightings of the heron on a state wildlife app more than 900 times over the weekend, according to the Norrance Department of Fish and Wildlife.",
        ]),
    story(
        "westmark-upset",
        "Corliss State stuns No. 1 Westmark 31-28 on last-second field goal",
        "2026-11-14 23:50", ["Dmitri Sandoval"], "sports", dateline="ELM HOLLOW, Corliss",
        updated=25, paras=[
            "Ben Achterberg kicked a 47-yard field goal as time expired and Corliss State stunned top-ranked Westmark 31-28 on Saturday night, setting off a celebration that sent thousands of fans onto the field.",
            "Quarterback Jalen Moody threw for 288 yards and two touchdowns and ran for another score for the unranked Falcons (7-4), who trailed by 11 points early in the fourth quarter.",
            "Westmark (10-1) had won 19 straight games and was a 24-point favorite.",
            "“Nobody in the country gave us a chance except the guys in this locker room,” Corliss State coach Ray Dunleavy said. “I told them at halftime, play the next play. They played the next play for 30 minutes.”",
            "Westmark tied the game at 28 on a 6-yard run by Andre Falk with 1:12 left, but Moody completed three straight passes to move the Falcons into range. Achterberg, a sophomore who had missed from 41 yards in the first half, drove the winning kick through with room to spare.",
            "Westmark quarterback Colby Strand was 24 of 37 for 301 yards but threw two interceptions, one of which Corliss State safety Micah Boone returned 62 yards for a touchdown in the third quarter.",
            "The loss likely ends Westmark's hopes of a perfect season and could cost it the top seed in the playoff. Corliss State needs one more win to become bowl eligible for the first time since 2017.",
        ]),
    story(
        "lantern-probe",
        "Probe bound for asteroid Verity lifts off on a six-year mission to collect ancient dust",
        "2026-11-17 10:25", ["Grace Oyelaran"], "science", dateline="CAPE MERIDIAN, Veloria",
        updated=60, paras=[
            "A robotic spacecraft built to scoop dust from an asteroid that may hold material older than Earth lifted off Tuesday from Cape Meridian, beginning a six-year round trip that scientists hope will shed light on how planets formed.",
            "The probe, named Lantern, rode a Halcyon-4 rocket into a clear morning sky at 9:42 a.m. Flight controllers at the Veloria Space Agency confirmed about an hour later that its solar panels had unfolded and that it was communicating normally.",
            "Lantern is to arrive at the asteroid Verity in 2029, spend 14 months mapping it and then briefly touch the surface to collect about 100 grams of dust and pebbles. A capsule carrying the samples is scheduled to land in the Veloria desert in 2032.",
            "“Verity has barely changed since the solar system was a cloud of gas and grit,” said mission scientist Oluwaseun Park. “Holding a piece of it will be like reading the first page of a very old book.”",
            "The mission, a joint effort with Lusania's space agency, cost about $1.1 billion. Lusanian engineers built the probe's sampling arm and one of its three cameras.",
            "Verity, about half a mile across, is dark and rich in carbon. Telescope observations suggest it contains clay minerals that formed in the presence of water.",
            "The launch had been delayed twice, once by a faulty valve on the rocket and once by high winds.",
        ]),
    story(
        "aurelia-norovirus",
        "More than 200 passengers sickened by stomach bug on cruise ship Aurelia Star",
        "2026-11-19 14:30", ["Priya Halvorsen"], "health", dateline="SEAHAVEN, Veloria",
        paras=[
            "More than 200 passengers and 19 crew members fell ill with a stomach virus during a 10-day cruise aboard the Aurelia Star, health officials said Thursday as the ship returned to its home port in Seahaven.",
            "The Veloria Department of Health said laboratory tests confirmed norovirus, a highly contagious bug that causes vomiting and diarrhea and spreads easily in close quarters. Most of those who got sick recovered within a day or two, officials said.",
            "The ship's operator, Meridian Line, said it had stepped up cleaning, isolated sick passengers in their cabins and closed its buffet in favor of table service after the first cases were reported on the fourth day of the voyage.",
            "“It went through our deck like wildfire,” said passenger Gloria Pennant, 68, who said she and her husband spent two days in their cabin. “The crew was kind, but you could tell they were exhausted.”",
            "Meridian Line said the ship would undergo a full sanitizing before it departs on its next voyage Saturday. Passengers on the affected cruise will receive a 50% credit toward a future trip, the company said.",
            "It was the third norovirus outbreak on a cruise ship sailing from Veloria this year, according to health department records.",
        ]),
    story(
        "arden-water-ruling",
        "Appeals court rules Tamsin must share more of the Arden River with downstream farms",
        "2026-11-20 13:10", ["Tobias Wren"], "us-news", dateline="SOLVAY SPRINGS, Tamsin",
        updated=50, paras=[
            "A regional appeals court ruled Friday that Tamsin has been taking more than its share of the Arden River and must let more water flow downstream to farms and towns in neighboring Corliss, a decision that could reshape water use across the arid region.",
            "The three-judge panel said a 1948 agreement between the two states requires Tamsin to deliver at least 40% of the river's annual flow at the state line, and that the state had fallen short in nine of the past 12 years as cities around Solvay Springs grew.",
            "“The compact is not a suggestion,” Judge Evelyn Marsh wrote for the unanimous panel. “A state may not grow its way out of a promise it made to its neighbors.”",
            "Tamsin Attorney General Roy Delacroix said the state would ask the full court to reconsider. He warned that the ruling, if it stands, could force cuts to city water supplies during dry years.",
            "Farmers in Corliss, who have watched irrigation ditches run dry in late summer, welcomed the decision. “My grandfather signed petitions about this river,” said alfalfa grower Hector Ruelas. “It took three generations, but somebody finally read the contract.”",
            "The court sent the case back to a special master to determine how much water Tamsin owes and over what period it must be repaid.",
            "The Arden River supplies drinking water to about 2.4 million people and irrigates roughly 600,000 acres of farmland in the two states.",
        ]),
    # The write-thru pair: same dateline and lede, the rest rewritten as the news moved on.
    story(
        "granite-bluff-fire",
        "Wind-driven wildfire forces thousands to flee near Granite Bluff",
        "2026-11-21 14:05", ["Sam Takeda-Brooks"], "us-news", dateline="GRANITE BLUFF, Corliss",
        updated=20, paras=[
            _FIRE_LEDE,
            "The fire started shortly before noon near a highway rest stop and had burned about 3,000 acres by midafternoon, according to the Corliss Forestry and Fire Department. Its cause was under investigation.",
            "Sheriff's deputies ordered evacuations for the Juniper Flats and Redhawk subdivisions, home to about 6,500 people, and told residents of several other neighborhoods to be ready to leave.",
            "Gusts of up to 55 mph grounded firefighting aircraft for much of the afternoon, officials said. Smoke was visible from the state capital, more than 80 miles away.",
            "“This is the kind of day we worry about all year,” fire department spokesperson Daria Whitlock said. “Low humidity, high wind, and grass that hasn't seen rain since August.”",
            "There were no immediate reports of injuries or destroyed homes.",
        ]),
    story(
        "granite-bluff-fire-update",
        "Wildfire near Granite Bluff destroys dozens of homes as thousands flee",
        "2026-11-21 22:40", ["Sam Takeda-Brooks", "Hollis Brandt"], "us-news",
        dateline="GRANITE BLUFF, Corliss", updated=35, version_of="granite-bluff-fire", paras=[
            _FIRE_LEDE,
            "By late Saturday the blaze had scorched more than 11,000 acres and destroyed at least 46 homes and outbuildings in the Juniper Flats area, the Corliss Forestry and Fire Department said. It was 5% contained.",
            "Two firefighters were treated for smoke inhalation and released, and one resident was hospitalized with burns, officials said. Everyone else in the evacuated neighborhoods was believed to be accounted for.",
            "About 9,000 people were under evacuation orders by nightfall, up from 6,500 in the afternoon, after the fire jumped a two-lane highway and pushed toward the Redhawk and Cedar Mesa subdivisions.",
            "“The wind just took it and there was nothing anybody could do,” said Juniper Flats resident Tomas Ellery, who watched from a grocery store parking lot as smoke rose over his street. “We got the dog and the photo albums. That's it.”",
            "Winds that topped 55 mph kept air tankers on the ground for most of the day, but forecasters said gusts should ease overnight, giving crews a chance to cut containment lines on the fire's southern flank.",
            "Gov. Elise Marchetti declared a disaster emergency and asked neighboring states for additional engines and crews.",
            "Investigators believe the fire started near a highway rest stop, but officials have not said what ignited it.",
            "A shelter opened at the Granite Bluff fairgrounds, where volunteers handed out cots, blankets and hot meals to several hundred evacuees.",
        ]),
    story(
        "nestguard-recall",
        "NestGuard recalls 310,000 infant car seats over buckle that can open in a crash",
        "2026-11-23 11:00", ["Nadia Corwin"], "health", paras=[
            "NestGuard is recalling about 310,000 infant car seats because the harness buckle can unlatch during a crash, increasing the risk of injury to a child, the Veloria Consumer Product Safety Board said Monday.",
            "The recall covers the company's Cocoon 30 and Cocoon 35 rear-facing seats made between March 2024 and August 2026. The model number and manufacturing date are printed on a white label on the bottom of the seat.",
            "The company said it had received 14 reports of buckles releasing in crashes or sudden stops, including three that resulted in minor injuries. No deaths have been reported.",
            "Owners should keep using the seats until they receive a free replacement buckle, the safety board said, because riding with no car seat at all is far more dangerous. NestGuard will mail the replacement part along with a tool and instructions for installing it.",
            "“We know parents trust us with the most precious cargo they will ever carry,” NestGuard president Elaine Fairweather said in a statement. “We are sorry, and we are moving as fast as we can to fix this.”",
            "Parents can check whether their seat is affected by entering its model number on the company's website or by calling its customer service line.",
        ]),
    story(
        "coffee-drought",
        "Drought in Lusania's highlands pushes coffee prices to a 15-year high",
        "2026-11-24 15:45", ["Felix Amundsen"], "business", dateline="SANTA IRIA, Lusania",
        updated=15, paras=[
            "Coffee prices climbed to their highest level in 15 years on Tuesday as a prolonged drought in Lusania's highlands, one of the world's biggest growing regions, shriveled this season's crop.",
            "Futures for arabica beans rose 3.8% to $4.12 a pound on the Harbor City commodities exchange, extending a rally that has lifted prices nearly 60% since the summer.",
            "Lusania's coffee board cut its harvest forecast for a second time Monday, saying output would fall about 22% from last year after the highlands received less than half their usual rainfall between May and October.",
            "On the terraced slopes outside Santa Iria, growers said many trees had dropped their cherries before they ripened. “We pick what the sun leaves us,” said farmer Rosalind Achá, standing among rows of yellowing bushes. “This year it left us very little.”",
            "Roasters have started passing higher costs to shoppers. Two of Veloria's largest coffee brands raised prices on bagged coffee this month, and cafe chains have warned that a cup could cost more in the new year.",
            "Analysts said prices could ease if rains arrive on schedule in December, but that it would take at least two seasons for drought-stressed trees to fully recover.",
            "Lusania exports about 3 million bags of coffee a year, most of it to Veloria, Kestovia and Solmarra.",
        ]),
    story(
        "otis-beaumont-obit",
        "Otis Beaumont, jazz pianist who carried the Harbor City sound around the world, dies at 91",
        "2026-11-25 09:10", ["Eamon Kessler"], "entertainment", dateline="HARBOR CITY, Veloria",
        updated=120, paras=[
            "Otis Beaumont, a jazz pianist whose rolling left hand and playful melodies helped define the Harbor City sound for more than half a century, died Tuesday at his home in the city. He was 91.",
            "His daughter, Celeste Beaumont-Ray, said he died peacefully in his sleep after a short illness.",
            "Beaumont recorded more than 40 albums as a bandleader, beginning with “Dockside Blues” in 1958, and toured on five continents. He was known for stretching popular songs into long, searching improvisations, often laughing at the piano when a phrase surprised him.",
            "“He played like he was telling you a secret he had just learned,” said saxophonist Marcus Webb-Tolliver, who toured with Beaumont in the 1990s. “Every night was different. He got bored if it wasn't.”",
            "Born in 1935 in the Fulton Slip neighborhood, Beaumont learned to play on a battered upright piano in his grandmother's parlor and was performing in waterfront clubs by the age of 15.",
            "He became a fixture at the Blue Anchor, a basement club where he held a Monday night residency for 38 years, and he taught for two decades at the Harbor City Conservatory, where a scholarship now bears his name.",
            "In 2011, he received Veloria's National Medal of Arts. “I just play the tunes my city taught me,” he said at the ceremony.",
            "Besides his daughter, he is survived by a son, Julian; four grandchildren; and a sister, Odessa. His wife of 59 years, Lorraine, died in 2018.",
            "A public memorial is planned at the Blue Anchor next month.",
        ]),
    # --- phase 2: news that breaks between the two crawls -------------------------------
    story(
        "amberly-blizzard",
        "Early-season blizzard takes aim at Amberly, threatening holiday travelers",
        "2026-11-27 10:20", ["Ruth Calloway"], "us-news", dateline="RIVERTON, Amberly",
        phase=2, updated=45, paras=[
            "Forecasters warned Friday that an early-season blizzard could bury parts of Amberly under more than a foot of snow this weekend, threatening travel for people heading home after the holiday.",
            "The Amberly Weather Bureau issued a blizzard warning from Saturday afternoon through Sunday night for Riverton and much of the state's northern plains, where winds gusting to 50 mph could whip snow into drifts several feet high and cut visibility to near zero.",
            "“If you don't have to be on the road Saturday night, don't be,” said meteorologist Joanna Kettering. “This is the kind of storm where people get stranded in their cars.”",
            "State transportation officials said they had 420 plows ready and would close stretches of Highway 9 and other major routes if conditions became dangerous. Riverton's airport advised travelers to check flight status before leaving home.",
            "The storm comes three weeks after the Tessel River flooded low-lying neighborhoods in Riverton. City officials said they were worried about snowmelt later in the season but did not expect immediate flooding.",
            "Hardware stores in Riverton reported brisk sales of shovels, rock salt and generators on Friday morning.",
        ]),
    story(
        "kestovia-debate",
        "Kestovia's presidential rivals clash over corruption and energy in final debate before runoff",
        "2026-11-27 06:35", ["Eamon Kessler"], "world-news", dateline="DREVNA, Kestovia",
        phase=2, updated=90, paras=[
            "President Anton Varga and his challenger, former judge Mira Dalescu, traded accusations over corruption and the cost of energy Thursday night in their only televised debate before Sunday's presidential runoff.",
            "Varga, seeking a fourth term, defended his record on economic growth and said Dalescu would scare away the foreign investors who built the country's hydropower dams and mines. “Experiments are for laboratories, not for countries,” he said.",
            "Dalescu accused the president of handing state contracts to friends and family, holding up a thick binder she said contained audits his government had kept from the public. “Stability is a beautiful word for a closed door,” she said.",
            "The 90-minute debate on state television was the first time the two had appeared on the same stage. Varga had declined to debate before the first round.",
            "Polls published this week suggest a close race. A survey by the Drevna Institute for Social Research put Dalescu slightly ahead, within the margin of error.",
            "Both candidates were to hold final rallies Saturday. Campaigning is banned on the day of the vote.",
        ]),
    story(
        "holiday-shopping",
        "Shoppers turn out for post-Harvest Day sales, but many stick to their lists",
        "2026-11-27 16:30", ["Felix Amundsen", "Nadia Corwin"], "business",
        dateline="HARBOR CITY", phase=2, paras=[
            "Shoppers lined up before dawn Friday at malls and big-box stores across Veloria for the traditional start of the holiday shopping season, but many said they were sticking to strict budgets after a year of high prices.",
            "At the Bayfront Galleria in Harbor City, a crowd of about 300 people waited in the cold for the doors of an electronics store to open at 5 a.m. By midmorning, parking lots were full and lines at some registers stretched to the back of the store.",
            "“I've got a list and a number, and I'm not going over either one,” said Teresa Alvarado-Quinn, a school bus driver who was shopping for her four grandchildren. “Last year I went over both.”",
            "The Veloria Retail Federation expects holiday sales to rise between 2.5% and 3.5% this year, slower than last year's growth. Online sales were running about 7% ahead of last year by midday, according to early figures from the payments company Cardwell.",
            "Retailers leaned on deep discounts on televisions, toys and winter clothing to draw crowds, and several chains opened their doors on the holiday itself for the first time in several years.",
            "Economists are watching the season closely for signs of how much spending power households have left. Unemployment remains low, but credit card balances have climbed to record levels.",
        ]),
]

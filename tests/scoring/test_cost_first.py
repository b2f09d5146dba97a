"""Cost-first: award and payment terms that put cost first, told apart from guides, aims and reports."""

import pytest

from scoring import review


def _cost_first(text):
    return [f.rule for f in review(text, rewrites=False).findings if f.category == "cost-first"]


GUIDES_AIMS_AND_REPORTS = [
    # A guide's account of lowest-price methods, one option among several.
    "Lowest-price quotation\n\nThis method is used for standard goods where the lowest price is all that matters.",
    "Purchasing options\n• Cheapest compliant quote, usually for low-value goods",
    "The price-only, price-quality and quality-only selection methods include some competition on price.",
    "The selection methods that can be used are: lowest price conforming; price-quality; or quality only.",
    "Choosing the lowest price conforming method for a design contract may be unusual.",
    "Lowest Priced Compliant Bid, where lowest price will work well. Example: stationery",
    "Use the following clause when the evaluation is on lowest price alone.",
    # The traits of one numbered method of a guide, listed under its name.
    "Method 1: Lowest price - what it looks like:\nPrice makes up 100% of the marks once a bid passes the checks",
    "Method A: Lowest cost. Main features:\nThe cheapest compliant offer wins",
    # Value for money as an aim, and history told as a report.
    "The team's job is to see that the council buys good services at the lowest possible cost.",
    "Two years ago, 15-minute visits were still a routine part of most care packages here.",
]


AWARD_RULES_AND_HOURLY_PAY = [
    # The same methods made the rule of this award.
    "This contract will be awarded using the lowest price conforming method.",
    "Evaluation method: price only",
    # The same lines as this award's own criteria.
    "Award criteria for this contract:\nPrice makes up 100% of the marks once a bid passes the checks",
    "Award criteria:\nThe cheapest compliant offer wins",
    "Evaluation model 2: price 60%, quality 40% (this lot)",
    # Award rules written across a line break, or with a reliable or calculated lowest bid.
    "The contract shall be awarded to the lowest\nresponsible tenderer.",
    "The council shall award the contract to the lowest reliable and responsible bidder.",
    "Goods will be bought using the lowest calculated and responsive bid.",
    "The cheapest compliant quote will be accepted.",
    "Homecare packages will include 15-minute visits for personal care.",
    # Lowest and best, and award decisions resting on the prices, with words between.
    "The clerk shall open the bids in public and select the lowest and/or best bid for approval by the board.",
    "Quotes are tabulated and the order goes to the lowest and best response.",
    "Once quotes are in, a decision is then made, by the head of service or a deputy, based on the prices submitted.",
    "Our usual practice is to award on the lowest price tender, though occasionally the most economically advantageous tender is used.",
    # Care paid by the hour in price lines.
    "Outreach support: 300 hours x $45 per hour",
    "The service is bought at £19.20 per client contact hour.",
    "The agency shall be reimbursed at $28.00 per unit, where a unit is one hour of direct support.",
    # A method said to suit this contract, and award criteria said to turn on price.
    "The lowest price method is appropriate for this contract.",
    "The evaluation criteria and their weightings will, in most cases, focus on tendered price.",
]


NEAR_MISSES = [
    "A decision is then made by the panel, based on quality and on the prices submitted.",
    "The contract will be awarded to the most advantageous tender, not simply the lowest price.",
    "Support workers must be paid at least £12.60 per hour, including for travel time.",
    "Outreach support: 300 sessions x $45 per session",
    "The evaluation will focus on price and quality, with quality weighted at 65%.",
    "Providers must focus on cost control as well as on quality of care.",
]


def test_a_method_in_present_tense_use_for_this_award_is_still_its_rule():
    assert _cost_first("Tenders are evaluated using the lowest price conforming method.")


def test_choosing_the_cheapest_option_is_an_award_not_a_method():
    assert _cost_first("For most purchases this means choosing the lowest cost option.")


# --- fourth real batch (our own wording) ------------------------------------------------------------

FOURTH_BATCH_FORMS = [
    # Price at half or more, with the other share named as something the reader does not know as quality.
    "Performance against the KPIs makes up 50% of each provider's total score, the other 50% being price.",
    "Method statements are worth 40% of the marks, the remaining 60% for the pricing schedule.",
    # Quality capped, so price has the rest; a weightage restated in words.
    "Technical offers will be allotted a weightage of not more than 20% and commercial offers 80% or more.",
    "As the weightage of the cost element is as high as 75 (seventy-five) percent, price will decide most awards.",
    # Award by the low bid.
    "The buyer may award low bid quotations up to a value of $25,000 where they meet the specification.",
    "Contracts under the threshold shall be awarded to the low bidder.",
    # Care paid by the hour, in short forms and in fee tables.
    "Domiciliary care: a 6% uplift, giving £23.40 p/hr for providers on the framework.",
    "Supported living\n\nRaise fees in line with pay costs\n\n16.20\n\n(hourly rate)\n\n17.05\n\n(hourly rate)",
]


FOURTH_BATCH_NEAR_MISSES = [
    # A price-scoring formula gives the lowest price the most points; it is not award to the lowest price.
    "When assessing price, the maximum number of marks will go to the lowest priced bid.",
    "In the price section the lowest-priced offer receives the highest number of points available.",
    # A guide on when to use a method, choosing on factors other than price.
    "Use a request for proposals when the selection must rest on factors other than the lowest price.",
    # A bidder's financial standing scored in a form, and a score times its multiplier.
    "Criteria\nScore (0-5)\nWeight (multiplier)\nTotal\nFinancial Standing\n3.5\nX 0.5",
    # Quality-led, a quality floor, a price cap, other hourly figures.
    "Quality will be allotted a weightage of at least 70% and price no more than 30%.",
    "Care workers earn £12.10 an hour under the new agreement.",
    "Residential care\n\nUplift to £700\n\n680.00\n\n(weekly rate)\n\n700.00\n\n(weekly rate)",
    "The bid with the lowest risk and the low bid on price were both reviewed by the panel.",
    "Tenders that are abnormally low bids will be investigated before award.",
]


FIFTH_BATCH_FORMS = [
    # Price points as the two values of a preference points system, in a list line, a sum and a sentence.
    "Our procurement policy:\n90/80 evaluation points for price",
    "Scoring: Price = 90 / 80 Local ownership = 10 / 20 Total = 100",
    "Either 80 or 90 points are given to the lowest priced bid, with fewer for dearer bids.",
    # The lowest qualified firm, named as a vendor, supplier or contractor.
    "Orders below the limit shall be placed with the lowest responsible supplier that meets the specification.",
    "Minor works go to the lowest qualified contractor on the approved list.",
    # Care bought in fifteen-minute amounts without the word "visit".
    "Both boroughs commission only 15 minutes of care for some people who live alone with dementia.",
    # Care paid at a guaranteed or capped hourly rate (convention 6).
    "The framework offers home care providers a guaranteed hourly rate and a share of new packages.",
    "The hourly rate for agencies bidding to join the framework was capped at £19.",
]


FIFTH_BATCH_NEAR_MISSES = [
    # A duty to define the term, not an award made on it.
    "The bylaw must set out the definition of \"lowest responsible bidder\" and the officer's spending limit.",
    "Each district shall state the meaning of 'lowest qualified contractor' in its purchasing rules.",
    # Common practice described by a guide, not the weighting of this award.
    "It is common for buyers to begin with a 60% price and 40% quality split and adjust it to the service.",
    "It is usual to weight price at 70% for simple goods, but care services need more on quality.",
    # Price points that are a minority, and a pair that is not price.
    "Scoring: Price = 30 / 20 Local ownership = 70 / 80",
    "80/90 points for local delivery plans and training.",
    "The lowest-rated supplier on the quality questions will be offered feedback.",
    # Time measured or logged to the minute, with no payment named; a refusal; staff pay.
    "Home visits are now timed by the minute on the carers' phones, the paper says.",
    "The council will not commission 15 minutes of care for anyone who needs help to wash.",
    "Care workers on the new rota receive a guaranteed hourly rate for every shift.",
    "The hourly rate for support workers was capped at £13.20 by the agency.",
]


SIXTH_BATCH_FORMS = [
    # Price weighted as a share of points in a table, a named approach or a "counting" sentence.
    "| Band | Price points | Local supplier points |\n| Small | 70 points | 30 points |",
    "Bids are scored under a 75/25 or 85/15 approach to awarding points for price and local ownership.",
    "After the pass/fail stage, price counting 65% and the delivery plan 35% decide the award.",
    # A floor on the price weighting, or a lower one treated as the exception.
    "The weighting on price is usually above 65% for works of this kind.",
    "Any price weighting below 70% will need to be justified to the finance director.",
    "A reduced price weighting will only be used in exceptional circumstances.",
    # A fixed money rate for each unit of a named home care service (convention 6).
    "Homemaker services: a reimbursement rate of $19.40 is agreed for every unit of service delivered.",
]


SIXTH_BATCH_NEAR_MISSES = [
    # The lowest price as one criterion a rule lets a buyer choose, or the rule if it is chosen.
    "The notice must name the award basis, which can be either lowest price or best value for money.",
    "If the lowest price basis is chosen, the contract then goes to the cheapest compliant offer.",
    # A bidder's own price in a story, and price scored by its gap from the lowest.
    "They submitted the lowest price by far and still came second on the total score.",
    "Price marks reflect the gap between each bid and the lowest bid received.",
    # Floors that are conditions, ceilings or on quality; a minority points table.
    "Where the price weighting exceeds 50%, the panel must record why.",
    "The weighting on price must not exceed 40%.",
    "A quality weighting of at least 60% applies to all care contracts.",
    "| Band | Price points | Local supplier points |\n| Small | 30 points | 70 points |",
    "A lower weighting on price is justified for care services, where quality matters most.",
    # A unit rate for meals, and a unit rate with no amount.
    "Home-delivered meals: a reimbursement rate of $4.50 is paid for every unit, one unit being one meal.",
    "Homemaker services: any change to the unit rate needs the board's approval.",
]


SEVENTH_BATCH_NEWS_AND_COST_WORKINGS = [
    # News of an award made away from the lowest bid, and commentary on lowest-bid buying.
    "Although the harbour firm quoted the lowest price, the panel picked a rival on grounds of safety record.",
    "Too much weight is put on the lowest bid when councils buy home care, the union argues.",
    "Most of the town's bridges were built by the lowest tenderer, the columnist complains.",
    # Two methods set side by side in a guide.
    "Best value versus lowest price: which suits your next bid?",
    # How a code says the lowest cost is worked out, not who wins.
    "The calculation of lowest total cost shall include freight and five years of servicing.",
]


SEVENTH_BATCH_RULES_NEAR_NEWS = [
    "Despite the guidance, the council will award every contract to the lowest bidder.",
    "Emphasis will be on speed of delivery; the order goes to the lowest-priced compliant bid.",
    "Works under $50,000 are awarded to the lowest responsible bidder.",
    "The contract will be awarded to the lowest bid, compared on total cost over five years.",
]


# The tenth batch: the award criterion said to be price alone, with the price last; and, not an award rule,
# a price-ratio score, a guide's menu entry for the method, news of who came out lowest, advice to a bidder,
# notice to the few lowest bidders, negotiating with them, a lowest bid over the budget, a trade body's figure.
TENTH_BATCH_RULES = [
    "The award criterion for every lot shall solely be the price.",
    "The only evaluation criterion is cost.",
]
TENTH_BATCH_NEAR_MISSES = [
    "Each bid's price score is found as the ratio of the lowest price received to that bid's price.",
    "2 Lowest Cost Could be used for any purchase but is best suited to routine goods.",
    "Both cheaper tenders failed the checks, making Northway Coaches the lowest compliant bid.",
    "If you get through the quality stage and emerge as the lowest evaluated tenderer, expect a call.",
    "Copies of the notice go to the two lowest tenderers.",
    "Where the lowest responsive bid is above the approved budget, the council may cut the scope.",
    "The officer may negotiate with the two lowest qualified bidders in turn.",
    "The carers' charity says that a fair rate for home care would be £27 per hour.",
]

# The eleventh batch: a ban on awarding to anyone but the lowest tenderer without outside approval; a provider
# paid a money rate by the hour in any wording; care billed in quarter-hour units, also as a rate table's cell;
# the points for price named out of a preference system's 100. Not cost-first: the lowest tenderer as a party
# in a dispute, a method that was used before, and the formula's own instruction to use it.
ELEVENTH_BATCH_RULES = [
    "No committee may award a contract to a supplier other than the lowest conforming bidder without the mayor's consent.",
    "The Trust shall pay the Provider an hourly rate of $24.75 for each hour of direct support.",
    "Sitting services are charged to the county on an hourly basis of £22.10.",
    "Companion care is billed in 15-minute units.",
    "Service | Unit | Code |\nIn-home respite care | 15 minutes | R44 |",
    "This scoring formula must be used to find the points out of 80 for price on every bid above the threshold.",
]
# The twelfth batch: the lowest price by another name, a template's open choice, a contract's hourly rate changed
# to a new sum. Not cost-first: the price formula's top score for the lowest financial proposal.
TWELFTH_BATCH_RULES = [
    "The contract shall go to the responsive bidder whose bid is the most favorable evaluated bid price.",
    "The order will be placed with the supplier who submitted the lowest/most suitable quotation.",
    "With effect from 1 April the hourly rate in all Lot 3 contracts is increased to £23.10.",
]
TWELFTH_BATCH_NEAR_MISSES = [
    "Combined evaluation: the lowest financial proposal receives a financial score of 100 and others in proportion.",
]
ELEVENTH_BATCH_NEAR_MISSES = [
    "The judge gave damages to the disappointed lowest bidder after the council cancelled the award.",
    "If the lowest tenderer submits a form with a missing signature, officers can ask for it.",
    "The department formerly picked its suppliers on lowest price.",
    "The price points formula must be used to calculate a score out of 20 for each bidder's rates.",
]


# The thirteenth batch: price put over quality in words with the ratio, a share of the points awarded for price, a
# social value weight cut to a new figure. Not cost-first: how tenders tend to go, news of an award, a writer's view.
THIRTEENTH_BATCH_RULES = [
    "Cost will be ranked ahead of quality, in a ratio of 60:40.",
    "Under this scheme 90% of the points scored will be awarded for price, while 10% of the points depend on the bidder's local content.",
    "Members agreed to lower the social value weighting from 10% to 6%.",
]
THIRTEENTH_BATCH_NEAR_MISSES = [
    "In small works the lowest tender typically wins the job.",
    "The contractor pulled out, forcing the trust to hand the contract to the lowest tenderer.",
    "In my view the lowest bid should not decide care contracts.",
    "Quality is weighted ahead of price in a ratio of 70:30.",
]
# Billing rules for care in time units (convention 6), in invented words; beside them, time units that are not care
# bought by the clock.
FOURTEENTH_BATCH_RULES = [
    "The agency must bill in 15-minute increments for each day of care.",
    "Personal care claims are to be billed on a quarter-hour basis.",
    "Each fifteen-minute block equals one (1) billable unit of in-home support.",
    "A unit of respite service is 15 minutes.",
    "The provider will be compensated monthly based upon actual service hours provided.",
    "Payment is on a fee-for-service basis: one unit equals one hour of direct support.",
    "A home visit of 50 minutes is converted to 4 units of service.",
    "Individual session: unit rate $30 per client, per hour",
    "Hjemmehjælp, praktisk hjælp: 298,00 kr. pr. time",
    "Personlig omvårdnad, ersättning 460 kr per timme",
]
FOURTEENTH_BATCH_NEAR_MISSES = [
    "Solicitors bill in six-minute units for legal advice.",
    "Staff will be paid based upon actual hours worked.",
    "Payment is made for each outcome agreed with the person, based upon the goals they achieve.",
    "Monitoring returns are based on actual support hours delivered.",
    "The consultants charge 900 kr. pr. time for the evaluation.",
]

# Fifteenth batch shapes, in invented words: homemaker and in-home care paid or invoiced by the hour, a price list's
# unit of measure, a worked bill in hours, hours and rate in a flattened price row, the lowest and best bid with a
# clarification after it; and quiet: news of who was the lowest bidder, a hedged lowest price.
FIFTEENTH_BATCH_RULES = [
    "Maximum reimbursement rates: Homemaker $15.50 per hour",
    "Vendors will invoice the County at the hourly rates quoted in their bid.",
    "The council ran a reverse auction for home care, with providers bidding their charges by the hour.",
    "Price list: Personal care – weekday. Unit of measure: Hour.",
    "Example: the agency bills 3 hours at $62.40 for the morning visit.",
    "Quantity of units 4,200 hours Group $28.50 per hour",
    "The board will award to the lowest and best bid, which may not necessarily be the lowest bid.",
]
FIFTEENTH_BATCH_NEAR_MISSES = [
    "Acme Care was the lowest bidder in the 2019 round, the minutes show.",
    "The lowest price will not necessarily be accepted.",
    "The cleaning contract is invoiced at the hourly rates in Schedule 3.",
]

# Sixteenth batch shapes, in invented words: Swedish and Finnish home care rates by the hour ("kr/timme", "euroa /
# tunti", "€/h" for a care voucher), a US county's hourly rate it reimburses or allows, a rate for every unit of
# service and payment on a unit-cost basis, and award weightings written in Finnish or Swedish; quiet: hourly pay
# in those languages, a non-care price by the hour, a rate table's header with no figure.
SIXTEENTH_BATCH_RULES = [
    "Hemtjänst, dagtid: 402 kr/timme",
    "Avlösning i hemmet 290 kr/tim",
    "Kotihoidon palvelusetelin arvo on 35 euroa / tunti.",
    "Omaishoidon vapaan palveluseteli 30 €/h",
    "The County will reimburse at a rate of $21.40/hour for approved services.",
    "A maximum allowable rate of $22.10/hour, of which the Contractor must pay aides at least the County living wage.",
    "A unit reimbursement rate of Six Dollars and ten Cents ($6.10) is agreed for every unit of service delivered.",
    "Listed services are reimbursed on a unit cost basis.",
    "Tarjousten vertailuperusteena oli paras hinta-laatusuhde siten, että hinnan painoarvo oli 60 % ja laadun 40 %.",
    "Utvärdering: priset viktas 70 % och kvaliteten 30 %.",
]
SIXTEENTH_BATCH_NEAR_MISSES = [
    "Timlön för undersköterskor: 165 kr/timme",
    "Siivouspalvelu 28 €/h",
    "Område / Utförd tid kr/timme / Mattransport kr/antal",
    "The County will pay consultants at a rate of $95/hour.",
    "Mileage is reimbursed at the standard rate for every mile driven.",
    "Hinnan painoarvo on 30 % ja laadun 70 %.",
    "Tolkning debiteras 450 kr/timme.",
    "Städning i gemensamma lokaler: 320 kr/timme",
    "Meals on wheels are reimbursed on a unit cost basis.",
    "The County will reimburse mileage at a rate of $0.67 per mile.",
]

# Seventeenth batch shapes, in invented words: home support (the Scottish and Welsh name for home care) by the hour, a
# capped rate per hour for a care call ("p/h"), care billed by the quarter hour, minutes paid pro rata to the hourly
# rate (also as the buyer's worked example, "For example, if ..., we pay ..."), and an hourly rate said beside the
# contract it is not paid through; quiet: care workers' pay, other things
# paid pro rata, a short slot with no payment, another council's practice named as an example.
SEVENTEENTH_BATCH_RULES = [
    "The rate for home support will rise from £18.10 to £18.60 an hour from April.",
    "The council will pay up to a maximum of £20.50 p/h for each carer on the care call.",
    "In-home models, such as family therapy, are billed at $16.40 for each quarter hour of service.",
    "Personal care is invoiced at £5.10 per 15-minute unit.",
    "For example, if a 30-minute visit lasts 25 minutes, we pay for 25 minutes pro rata to the hourly rate.",
    "Respite services are paid at an hourly rate and are not funded through the block contract.",
]
SEVENTEENTH_BATCH_NEAR_MISSES = [
    "Our home support workers earn £12.60 an hour.",
    "Providers will be paid pro rata for part weeks.",
    "A 15-minute slot is enough for a medication prompt.",
    "The consultant will be paid £60 per hour to review the home support service.",
    "For example, some councils pay by the minute, which we will not do.",
    "Some councils, such as Northshire, pay home care by the minute.",
    "For example, if a council pays by the minute, care workers lose their travel time.",
    "Home care is paid at an hourly rate, and this is not what we want to keep.",
]

# Eighteenth batch shapes, in invented words (convention 6 and the award rules): care fees set by the length of the visit,
# a direct payment's hourly rate and its uplift, a fee table's rate cells with a footnote mark, a rate per treatment
# hour written in words with its figure in brackets, a day rate per bed or per child, care counted in 15-minute units,
# billing that turns on minutes, and bids accepted "as hereinafter listed" for being the lowest; quiet: a direct
# payment with no rate, room hire by the hour, meals and running costs per day, a weekly rate cell, a break rule.
EIGHTEENTH_BATCH_RULES = [
    "Visits of under one hour of home care are paid at £19.40; longer visits at £18.10.",
    "Cabinet agreed a Direct Payment rate of £13.05 per hour for people employing their own carers.",
    "Members agreed to increase the direct payments hourly rate for personal assistants from April.",
    "Sitting service 17.90* (hourly rate) 4.10 18.63* (hourly rate)",
    "The Board will reimburse the agency Twenty-Eight Dollars ($28.00) per counselling hour delivered.",
    "For detox beds the commissioner pays £95.00 per bed day for up to 14 days.",
    "Playgroups registered with the province receive a grant paid at R9 per child per day of attendance.",
    "Respite may be authorised up to a limit of 24 15-minute units a week.",
    "Only home visits lasting at least 20 minutes count as billable contacts.",
    "Escort time to clinic appointments is reimbursed for a maximum of 60 minutes per trip.",
    "RESOLVED that the quotations for day-centre meals, as hereinafter listed, be accepted, the firms named being the "
    "lowest responsible bidders.",
]
EIGHTEENTH_BATCH_NEAR_MISSES = [
    "Direct payments are reviewed each year by the panel.",
    "Room hire over one hour is charged at £12 per booking.",
    "The school pays $3.50 per child per day for lunches.",
    "The home has 30 beds and costs about $200 per bed day to run.",
    "Nursing care 720.00* (weekly rate) 3.00 741.60* (weekly rate)",
    "Staff must take a break of at least 30 minutes after six hours.",
    "Outcome indicators:\n\nProportion of farming families using drip kits to improve household nutrition (target 70%)",
]

# Nineteenth batch, widened by form rather than wording: the price ranking told as a noun ("the ranked order of
# price", "a price based ranked order"); a score worked out from a ranking of prices, a ranking of cost and quality
# together, or a refusal, is not a lowest-price rule.
NINETEENTH_BATCH_RULES = [
    "Packages will be offered on the basis of the ranked order of price.",
    "Each bidder's prices will be used to create a price based ranked order for the lot.",
    # A "not" inside a condition that opens the clause and ends with "then" does not refuse the rule that follows.
    "If the person does not state a preference then the care manager will offer the package to the lowest priced provider.",
    # A day rate named "per diem", its amount left blank in a form.
    "The County agrees to pay the provider the per diem rate of $ for the care of each child placed.",
    "Hostels are funded through a per diem model of funding, based on the number of residents in each bed.",
]
NINETEENTH_BATCH_NEAR_MISSES = [
    "The panel's ranking of cost and quality will be published.",
    "We will not use a price ranking to allocate packages; quality decides.",
    "The financial proposals are given a cost score based on the relative ranking of prices, weighted at 20%.",
    "The contractor will be paid the federal per diem rate for travel by employees.",
    "We will not offer packages to the lowest priced provider on the list.",
    "Volunteers are reimbursed at the county per diem rate for lunch on outreach days with clients.",
]
# Classes from the twentieth batch: a day rate for one person a day, a per diem paid "in consideration of"
# satisfactory performance, care bought in blocks of minutes, bids ranked by their total amount or by cost
# effectiveness, and a cost per bed or person worked out to rank bids.
TWENTIETH_BATCH_RULES = [
    "Compensation\nThe rate covers one young person per night.",
    "The per diem is for one resident per day, including meals.",
    "The fee is $165 per child per day.",
    "In consideration of satisfactory performance, the State shall reimburse the county, upon receipt of a claim, the agreed per diem rate of $98.50 and the cost of any medication for each youth.",
    "Extra care support will be commissioned in blocks of 15 minutes.",
    "Domiciliary care is bought in 30-minute increments.",
    "Offers that include extension years will be evaluated on the total offer amount for all years.",
    "Applications will be selected based on cost effectiveness.",
    "Tenders will be ranked on the total tendered price.",
    "A formula will be used to calculate the cost per bed night from each applicant's budget.",
]
TWENTIETH_BATCH_NEAR_MISSES = [
    "The weekly fee covers one child per week, including school transport.",
    "Visits are booked in 30 minute blocks to suit each person's routine.",
    "Proposals will be selected based on cost effectiveness and the quality of the programme.",
    "Shortlisted firms were evaluated on the price they tendered.",
    "The cost per place will be calculated for each bid to check that it is realistic.",
    "Contracts will be awarded to the offeror whose proposal is most advantageous to the County, price and other factors considered.",
]


# Classes from the twenty-first batch: a care rate in pounds and pence with the hour understood (a rate-uplift notice's
# minimum rate or price points for a care service or its packages), and a care rate raised or set per hour.
TWENTY_FIRST_BATCH_RULES = [
    "The new minimum rate for all care packages on the framework is £24.10 (excluding waking nights).",
    "The standard rate for domiciliary care will be £24.60 from April.",
    "Price points for home care on the framework range from £22.10 to £26.40.",
    "Existing packages of care have been increased by £1.20 per hour.",
    "Supported living placements have moved to the new framework rate of £21.75 per hour.",
    "Reablement providers are paid the revised hourly rate of £23.00 per hour.",
]
TWENTY_FIRST_BATCH_NEAR_MISSES = [  # (a weekly rate for residential care moved to the rules by convention 7)
    "Fees for care home placements range from £750.00 to £1,100.00 per week.",
    "The agency pays care workers a minimum rate of £12.60 per hour.",
    "Room hire is charged at the new standard rate of £25.00 per hour.",
]


# Classes from the twenty-second batch: a day or night rate reimbursed for care or a placement (time bought,
# convention 6) and a rate table whose unit is a minute or an hour; not two award methods offered as alternatives, a
# travel or consultant's day rate, a participant's stipend, a rate table for meals.
TWENTY_SECOND_BATCH_RULES = [
    "Total reimbursement under this contract shall not exceed $35.00 per day.",
    "The County will reimburse the facility $145 per day for each youth placed.",
    "Respite care will be paid at £180 per night.",
    "Services shall be reimbursed at the following rates: Type of Service Unit Rate Medication Support Minute $ 4.82 All Other Services Minute $ 2.15",
    "Unit rates: Personal care - Hour - £21.40; Respite - Hour - £19.80",
    "Unit Rate schedule: Counselling Minute $3.10, Crisis Minute $4.00",
]
TWENTY_SECOND_BATCH_NEAR_MISSES = [
    "Stage 3: Pricing (point basis or lowest bid basis)",
    "The evaluation criteria for pricing may be on a point basis or on the lowest bid basis, depending on the bid.",
    "Quotations will be assessed on a lowest price basis or a best value basis, as set out in each request.",
    "Each mini-competition is run on a quality basis or on the lowest cost basis, as the buyer states in the call-off.",
    "Volunteers will be reimbursed $10 per day for travel.",
    "Consultants will be paid £400 per day.",
    "Participants receive a stipend paid at $20 per day of attendance.",
    "Unit rates for meals: Meal $6.50, Snack $2.00",
]


# Classes from the twenty-third batch (convention 7): a day or a week of care or a placement priced as a rate, in the
# words of a board paper ("a $30 per day rate"), a headline figure, "funded at" a weekly sum or a rate for residential
# care; a glossary entry defining time and task is not a payment term; nor a weekly sum for meals or staff pay.
TWENTY_THIRD_BATCH_RULES = [
    "The Board is asked to approve a $45 per day rate for emergency foster care placements.",
    "This sets a headline rate of £512.40 per resident per week for nursing care.",
    "Supported accommodation placements are funded at £650 per week.",
    "The rate for residential care is £850.00 per week.",
    "The weekly fee for each residential placement will be £1,200 per week.",
]
TWENTY_THIRD_BATCH_NEAR_MISSES = [
    "Time and task:\nthe method by which a provider is paid for each visit on a rate per hour basis",
    "Time and task: the process in which care is bought by the minute",
    "The fee for meals in residential care is £5 per day.",
    "Staff are paid £450 per week for support work.",
    "The youth club is funded at £200 per week from the lottery.",
]


# Classes from the twenty-fourth batch: a price table's row for a bed night or a day of care with its unit beside it
# (convention 7), and a price criterion's weight given for each lot.
TWENTY_FOURTH_BATCH_RULES = [
    # (and, from the twenty-seventh, a word that only says when is no hedge on the award)
    "The contract will be awarded, usually within fourteen (14) days, to the lowest responsible bidder.",
    "RC02 Respite Care Bed night rate - for clients with high needs (see clause 4.2.1)  Per night",
    "SL01 Supported Living Daily rate - standard needs  Per day",
    "Lot 2 Award Criterion (price): Price for each Lot (70%)",
]
TWENTY_FOURTH_BATCH_NEAR_MISSES = [
    "In this sector contracts are usually awarded to the lowest bidder.",
    "Room hire daily rate for the community hall  Per day",
    "Lot 2 Award Criterion (quality): Method statements for each Lot (70%)",
]
# The thirty-ninth's and fortieth's forms: care named by when it is given, paid by the hour or week; an hourly rate paid to
# providers with no sum; a rate table's quarter-hour unit with its price; the price per delivered hour; fee rates raised
# to a sum an hour; social value under 10% in a line of labels each followed by its weight.
THIRTY_NINTH_AND_FORTIETH_FORMS = [
    "Sleep-in care hourly rate £16.10 per hour",
    "Live-in care weekly rate £1,250.00 per week",
    "The cabinet is asked to approve the hourly funding rates to be paid to early years providers next year.",
    "Respite Care Level 1 15 minutes 420 1310 $3.15",
    "Each provider is paid the price per delivered hour set by the municipality.",
    "Fee rates for home care providers should be increased to £24 per hour.",
    "Quality & Delivery 46% Integration & Partnership 12% Access & Equity 14% Social Value 8% Value for money - 20%",
]
# A campaign's words about 15-minute visits, and staff pay raised by the hour, are not a buyer's terms.
THIRTY_NINTH_AND_FORTIETH_NEAR_MISSES = [
    "Older people are still getting undignified, rushed care in 15-minute slots, despite official guidance against them.",
    "Staff pay should be increased to £12 per hour.",
    # a cancellation charge as a share of the booked support is not a price weighting (batch 130's class)
    "Late cancellations: | If a visit is cancelled with less than 24 hours' notice, a charge of 100% of the booked support applies. |",
    "A fee of 50% of the session rate is payable where a family cancels on the day.",
]


@pytest.mark.parametrize("text", [t for group in (AWARD_RULES_AND_HOURLY_PAY, FOURTH_BATCH_FORMS, FIFTH_BATCH_FORMS, SIXTH_BATCH_FORMS, SEVENTH_BATCH_RULES_NEAR_NEWS, TENTH_BATCH_RULES, ELEVENTH_BATCH_RULES, TWELFTH_BATCH_RULES, THIRTEENTH_BATCH_RULES, FOURTEENTH_BATCH_RULES, FIFTEENTH_BATCH_RULES, SIXTEENTH_BATCH_RULES, SEVENTEENTH_BATCH_RULES, EIGHTEENTH_BATCH_RULES, NINETEENTH_BATCH_RULES, TWENTIETH_BATCH_RULES, TWENTY_FIRST_BATCH_RULES, TWENTY_SECOND_BATCH_RULES, TWENTY_THIRD_BATCH_RULES, TWENTY_FOURTH_BATCH_RULES, THIRTY_NINTH_AND_FORTIETH_FORMS) for t in group])
def test_award_rules_and_payment_terms_that_put_cost_first_are_flagged(text):
    assert _cost_first(text)


@pytest.mark.parametrize("text", [t for group in (GUIDES_AIMS_AND_REPORTS, NEAR_MISSES, FOURTH_BATCH_NEAR_MISSES, FIFTH_BATCH_NEAR_MISSES, SIXTH_BATCH_NEAR_MISSES, SEVENTH_BATCH_NEWS_AND_COST_WORKINGS, TENTH_BATCH_NEAR_MISSES, ELEVENTH_BATCH_NEAR_MISSES, TWELFTH_BATCH_NEAR_MISSES, THIRTEENTH_BATCH_NEAR_MISSES, FOURTEENTH_BATCH_NEAR_MISSES, FIFTEENTH_BATCH_NEAR_MISSES, SIXTEENTH_BATCH_NEAR_MISSES, SEVENTEENTH_BATCH_NEAR_MISSES, EIGHTEENTH_BATCH_NEAR_MISSES, NINETEENTH_BATCH_NEAR_MISSES, TWENTIETH_BATCH_NEAR_MISSES, TWENTY_FIRST_BATCH_NEAR_MISSES, TWENTY_SECOND_BATCH_NEAR_MISSES, TWENTY_THIRD_BATCH_NEAR_MISSES, TWENTY_FOURTH_BATCH_NEAR_MISSES, THIRTY_NINTH_AND_FORTIETH_NEAR_MISSES) for t in group])
def test_guides_reports_news_and_near_misses_are_not_cost_first(text):
    assert _cost_first(text) == []


def test_a_charging_pages_rates_are_what_people_pay_not_what_providers_are_paid():
    # The same row is a payment term on a page of rates paid to providers, and a charge to the person under a
    # heading about what people pay: the heading above the row decides, though the row does not repeat it.
    row = "Home support | £19.40 | per hour |"
    paid = review(f"Rates paid to home care providers from April\n{row}\n", rewrites=False)
    charged = review(f"Charges for care after a financial assessment\n{row}\n", rewrites=False)
    assert [f.rule for f in paid.findings] == ["cost-first/hourly-rate"]
    assert not [f for f in charged.findings if f.category == "cost-first"]


@pytest.mark.parametrize("text,period", [
    ("Long-term Shared Lives placements are paid at £402.10 per week.", "by the week"),
    ("The per diem payable to shelter operators is $51.20 per day for board and lodging.", "by the day"),
    ("Sleep-in support: £88 per night of care.", "by the night"),
    ("Home care is paid at £22.40 per hour.", "by the hour"),
])
def test_a_rates_message_names_the_period_it_pays_by(text, period):
    """A weekly placement fee is not told it pays 'by the hour'."""
    messages = [f.message for f in review(text, rewrites=False).findings if f.rule == "cost-first/hourly-rate"]
    assert len(messages) == 1 and f"pays for care {period}," in messages[0], messages


# A procedure's title naming its term, a glossary entry defining it and a scope line saying the terms are defined set no
# rule; the rule itself, in a sentence or a heading that awards, is still flagged.
@pytest.mark.parametrize("text,flagged", [
    ("LOWEST EVALUATED TENDER", False),
    ('D. "Lowest responsive bid" refers to the bid with the lowest price that meets every requirement of the invitation.', False),
    ("to define the terms lowest responsive bid and apparent low bid", False),
    ("AWARD TO THE LOWEST RESPONSIVE BIDDER", True),
    ("Every purchase over the threshold is awarded to the lowest responsive bidder.", True),
])
def test_a_term_named_or_defined_is_not_the_rule_that_awards_on_it(text, flagged):
    assert bool(_cost_first(text)) is flagged


@pytest.mark.parametrize("text", [
    "Nursing (per hour) $162.00 $188.40 $240.10",
    "Registered nursing per hour $141.20",
])
def test_nursing_priced_by_the_hour_is_care_bought_by_time(text):
    assert _cost_first(text)


def test_a_care_packages_funding_by_level_is_a_budget_not_a_rate_for_care():
    assert _cost_first("Home care package funding (per week) $310.20 $560.45 $1,220.10") == []
    assert _cost_first("Personal care (per week) $310.20")  # a rate for the care itself is still one


def test_a_sections_title_naming_the_bid_procedure_is_not_its_rule():
    assert _cost_first("Lowest and best bid decision procedure.") == []
    assert _cost_first("Contracts are awarded on the lowest and best bid.")


def test_a_care_rate_per_hour_with_its_tax_named_is_care_bought_by_time():
    """"$48 plus GST per hour" for personal care is an hourly rate (convention 7), its tax between sum and unit."""
    found = [f for f in review("Morning personal care – help to shower and dress | $48 plus GST per hour").findings
             if f.category == "cost-first"]
    assert found


@pytest.mark.parametrize("text,price_first", [
    ("That the Council agrees to deviate from its standard Price / Quality split of Price 60% and Quality 40% to "
     "Price 35% and Quality 65% for this contract.", False),
    ("The board will move from a split of Quality 60% / Price 40% to Price 70% / Quality 30% for this tender.", True),
])
def test_a_split_left_for_another_is_not_the_awards_own(text, price_first):
    """A resolution that moves a contract from the council's usual price-led split to a quality-led one is quality
    first; the split it leaves is not this award's (and a move the other way is still price first)."""
    found = [f.rule for f in review(text).findings if f.category == "cost-first"]
    assert bool(found) == price_first, found


@pytest.mark.parametrize("note,flagged", [
    ("These rates stay the base rates, with part of the payment linked to whether people say their outcomes were met.", False),
    ("10% of each payment is linked to outcomes agreed with the person.", False),
    ("These rates are reviewed each April.", True),
])
def test_a_price_list_is_read_with_the_note_right_under_it(note, flagged):
    """A rate table with a line under it that ties part of the payment to outcomes pays on outcomes in part: its rows are
    not cost-first. The same rows over a note about something else still are; and a note in another block does not
    count for them."""
    rows = "| Service | Rate |\n|---|---|\n| Personal care | £21.50 per hour |\n| Sitting service | £18.00 per hour |\n"
    assert bool(_cost_first(rows + note)) == flagged
    assert _cost_first(rows + "\n" + note)  # a blank line between: the note is not the table's


@pytest.mark.parametrize("joined", [False, True])
def test_rows_of_a_rate_table_whose_column_headers_name_hourly_rates_are_each_a_rate_for_care(joined):
    """A table with no title, its column headers saying the sums are hourly rates: every row of a care type and its sums
    is a rate paid by the hour, whether the header is its own paragraph or the first row follows it on the next line.
    The header's own words are not a finding: a row under it is."""
    gap = "\n" if joined else "\n\n"
    text = ("Care type | Hourly rate for under-fives | Hourly rate for school-age children" + gap
            + "Family Day Care | $13.24 | $12.10\n\nOutside School Hours Care | $14.29 | $12.51\n")
    found = [(f.rule, f.match) for f in review(text).findings if f.category == "cost-first"]
    assert found == [("cost-first/rate-table-rows", "Family Day Care | $13.24 | $12.10"),
                     ("cost-first/rate-table-rows", "Outside School Hours Care | $14.29 | $12.51")], found


# A sight loss service's fee schedule: rehabilitation and orientation and mobility training bought by the hour are
# support paid for time (convention 7), however the row is set out; a job placement milestone is not.
@pytest.mark.parametrize("text, flagged", [
    ("Vision rehabilitation services: $62.00 per hour", True),
    ("Orientation and mobility training$55.00 per hour", True),
    ("Rates for non-contract providers are as follows:\nRehabilitation teaching $60.00 per hour", True),
    ("Day 30 of job placement $1,500", False),
    ("Rehabilitation engineers will assess the workplace within 10 days.", False),
])
def test_rehabilitation_for_sight_loss_bought_by_the_hour_is_time_bought(text, flagged):
    assert bool(_cost_first(text)) is flagged, _cost_first(text)


@pytest.mark.parametrize("item, kept", [
    ("(d) Day treatment programme - $141.20 per diem;", "(d) Day treatment programme - $141.20 per diem"),
    ("(c) Individual counselling - $23.10 per 15-minute increment with a maximum of 4 units per day;",
     "(c) Individual counselling - $23.10 per 15-minute increment with a maximum of 4 units per day"),
])
def test_a_listed_rate_by_the_day_or_by_the_quarter_hour_keeps_its_service_and_its_rate(item, kept):
    """A regulation's lettered list of rates: each item comes back as written, its rate kept as the base, with the
    outcome-linked part added; the service and the sum are never replaced by a paragraph about support plans."""
    found = [f for f in review("Payment rates for community treatment:\n" + item).findings
             if f.category == "cost-first" and f.rewrite]
    assert found, item
    assert found[0].rewrite.startswith(kept), found[0].rewrite
    assert "base rate" in found[0].rewrite


# An award notice copied with one field per line (a lone dash or slash between a criterion and its weighting, the figure
# under its label) reads as the one-line notice does: price at 65% is price first; price at 35% is not.
@pytest.mark.parametrize("text, price_first", [
    ("Award criteria\n[Quality]\n-\n[Weighting]:\n35%\n[Price]\n-\n[Weighting]:\n65%", True),
    ("Award criteria\nCost\n-\nWeighting:\n70%", True),
    ("Award criteria\n[Quality]\n-\n[Weighting]:\n65%\n[Price]\n-\n[Weighting]:\n35%", False),
])
def test_an_award_notice_with_a_field_per_line_reads_as_the_one_line_notice(text, price_first):
    assert bool(_cost_first(text)) is price_first, _cost_first(text)

/**
 * The words the synthetic library is written in. Lists are ordered roughly from most to least
 * common, because the generator draws from them with a Zipf-like bias: search has to cope with
 * terms that are in half the library and terms that are in three stories, as in real copy.
 */

// prettier-ignore
export const firstNames = [
  'James', 'Sarah', 'David', 'Emma', 'Michael', 'Laura', 'John', 'Rachel', 'Peter', 'Helen', 'Mark', 'Amira',
  'Daniel', 'Sophie', 'Thomas', 'Priya', 'Andrew', 'Claire', 'Richard', 'Fatima', 'Paul', 'Olivia', 'Simon', 'Grace',
  'Oliver', 'Hannah', 'Robert', 'Chloe', 'William', 'Aisha', 'Stephen', 'Megan', 'Joseph', 'Zainab', 'Matthew',
  'Charlotte', 'Benjamin', 'Ruth', 'Samuel', 'Yusuf', 'Kwame', 'Ingrid', 'Mateo', 'Lucia', 'Tomasz', 'Agnieszka',
  'Dmitri', 'Olena', 'Hiroshi', 'Mei', 'Rahul', 'Anjali', 'Carlos', 'Isabel', 'Pierre', 'Camille', 'Klaus', 'Greta',
  'Sean', 'Niamh', 'Ewan', 'Isla', 'Gareth', 'Bethan', 'Kofi', 'Adaeze', 'Liam', 'Freya', 'Nikolai', 'Svetlana',
]

// prettier-ignore
export const surnames = [
  'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts',
  'Khan', 'Patel', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood',
  'Harris', 'Martin', 'Jackson', 'Clarke', 'Lewis', 'Ahmed', 'Shah', 'Okafor', 'Mensah', 'Kowalski', 'Novak',
  'Schmidt', 'Müller', 'Dubois', 'García', 'Fernández', 'Rossi', 'Bianchi', 'Kovalenko', 'Shevchenko', 'Ivanova',
  'Tanaka', 'Nakamura', 'Chen', 'Wang', 'Singh', 'Sharma', 'Murphy', "O'Brien", 'MacLeod', 'Campbell', 'Stewart',
  'Morgan', 'Price', 'Lloyd', 'Mbeki', 'Osei', 'Haddad', 'Nasser', 'Cohen', 'Levi', 'Lindqvist', 'Johansson',
]

/** Syllables for the long tail of names no list holds: the rare terms a search has to find. */
// prettier-ignore
export const nameSyllables = [
  'an', 'ber', 'cal', 'dor', 'el', 'fen', 'gar', 'hol', 'is', 'jor', 'kel', 'lan', 'mor', 'nes', 'or', 'pel', 'quin',
  'ras', 'sol', 'tor', 'ul', 'var', 'wen', 'yor', 'zel', 'bra', 'cre', 'dru', 'fla', 'gri', 'ska', 'tre', 'vik', 'lo',
  'ma', 'ne', 'ri', 'sa', 'ta', 'ko', 'mi', 'dov', 'ena', 'ick', 'ova', 'sen', 'ton', 'by', 'ley', 'ham', 'ford',
]

// prettier-ignore
export const places = [
  'London', 'Manchester', 'Birmingham', 'Glasgow', 'Cardiff', 'Belfast', 'Edinburgh', 'Leeds', 'Liverpool', 'Bristol',
  'York', 'Newcastle', 'Sheffield', 'Nottingham', 'Dover', 'Plymouth', 'Aberdeen', 'Swansea', 'Norwich', 'Exeter',
  'Brussels', 'Paris', 'Berlin', 'Kyiv', 'Warsaw', 'Madrid', 'Rome', 'Athens', 'Dublin', 'Lisbon', 'Vienna', 'Geneva',
  'Washington', 'New York', 'Ottawa', 'Mexico City', 'Brasília', 'Buenos Aires', 'Lagos', 'Nairobi', 'Accra',
  'Johannesburg', 'Cairo', 'Beirut', 'Jerusalem', 'Istanbul', 'Tehran', 'Delhi', 'Mumbai', 'Dhaka', 'Beijing',
  'Tokyo', 'Seoul', 'Jakarta', 'Manila', 'Sydney', 'Auckland', 'Kharkiv', 'Odesa', 'Gaza', 'Kabul', 'Karachi',
]

// prettier-ignore
export const countries = [
  'Britain', 'Ukraine', 'France', 'Germany', 'the United States', 'China', 'India', 'Russia', 'Ireland', 'Spain',
  'Italy', 'Poland', 'Nigeria', 'Kenya', 'Ghana', 'Egypt', 'Israel', 'Turkey', 'Japan', 'Brazil', 'Argentina',
]

// prettier-ignore
export const organisations = [
  'the Government', 'the Home Office', 'the Treasury', 'the NHS', 'the Environment Agency', 'the Met Office',
  'the Bank of England', 'the United Nations', 'the European Commission', 'Nato', 'the Foreign Office',
  'the Ministry of Defence', 'the city council', 'the county council', 'the police', 'the fire service',
  'the High Court', 'the Supreme Court', 'Network Rail', 'the Football Association', 'the World Health Organisation',
  'the Office for National Statistics', 'the Electoral Commission', 'the Crown Prosecution Service',
]

// prettier-ignore
export const titles = [
  'Prime Minister', 'Home Secretary', 'Chancellor', 'Health Secretary', 'Foreign Secretary', 'chief executive',
  'council leader', 'chief constable', 'spokesman', 'spokeswoman', 'minister', 'mayor', 'professor', 'director',
  'head teacher', 'union leader', 'chairman', 'chief economist', 'coroner', 'judge', 'manager', 'captain',
]

// prettier-ignore
export const reporterTitles = [
  'Political Editor', 'Home Affairs Correspondent', 'Health Correspondent', 'Crime Reporter', 'Sports Reporter',
  'Economics Editor', 'Environment Correspondent', 'Foreign Correspondent', 'Education Editor', 'Chief Reporter',
]

// prettier-ignore
export const agencies = [
  { name: 'Press Association', short: 'PA' },
  { name: 'Reuters', short: 'Reuters' },
  { name: 'Associated Press', short: 'AP' },
  { name: 'Agence France-Presse', short: 'AFP' },
  { name: 'Deutsche Presse-Agentur', short: 'dpa' },
]

// prettier-ignore
export const pictureCredits = ['PA', 'Reuters', 'AP', 'AFP', 'Getty Images', 'PA Wire', 'EPA', 'Alamy']

// prettier-ignore
export const determiners = ['the', 'a', 'the', 'the', 'their', 'its', 'this', 'another', 'every', 'some']

// prettier-ignore
export const prepositions = [
  'in', 'of', 'for', 'on', 'after', 'over', 'with', 'at', 'from', 'by', 'during', 'against', 'across', 'under',
  'before', 'despite', 'amid', 'without', 'near', 'ahead of',
]

// prettier-ignore
export const conjunctions = ['and', 'but', 'while', 'as', 'after', 'because', 'although', 'before', 'when', 'until']

// prettier-ignore
export const attributions = [
  'said', 'told reporters', 'said in a statement', 'told the BBC', 'added', 'warned', 'said on Tuesday',
  'said on Monday', 'wrote on social media', 'told MPs', 'said last night',
]

/**
 * Words every story may use, whatever it is about. Kept short on purpose: in real copy most content
 * words belong to a subject, so "flooding" is in one story in ten, not in all of them.
 */
// prettier-ignore
export const generalNouns = [
  'people', 'year', 'week', 'month', 'plans', 'report', 'figures', 'decision', 'statement', 'change', 'number',
  'family', 'area', 'community', 'support', 'concerns', 'questions', 'review', 'future', 'pressure', 'warning',
  'spokesman', 'spokeswoman', 'official', 'officials', 'government', 'council', 'residents', 'members', 'group',
]

// prettier-ignore
export const generalVerbsPast = [
  'announced', 'confirmed', 'rejected', 'approved', 'criticised', 'welcomed', 'launched', 'reported', 'denied',
  'increased', 'reduced', 'raised', 'delayed', 'ordered', 'backed', 'opposed', 'revealed', 'promised', 'defended',
  'questioned', 'agreed', 'warned', 'urged', 'demanded', 'praised', 'unveiled', 'reviewed', 'published',
]

// prettier-ignore
export const generalAdjectives = [
  'new', 'major', 'local', 'national', 'public', 'senior', 'former', 'final', 'early', 'serious', 'urgent',
  'independent', 'official', 'recent', 'further', 'significant', 'fresh', 'controversial', 'planned', 'proposed',
]

// prettier-ignore
export const headlineVerbs = [
  'says', 'warns', 'plans', 'faces', 'backs', 'rejects', 'calls', 'seeks', 'hits', 'wins', 'loses', 'vows',
  'urges', 'admits', 'denies', 'unveils', 'cuts', 'raises', 'halts', 'delays', 'opens', 'closes', 'eyes', 'holds',
]

export interface Topic {
  name: string
  nouns: readonly string[]
  verbs: readonly string[]
  adjectives: readonly string[]
  organisations: readonly string[]
  titles: readonly string[]
}

const words = (text: string) =>
  text
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/_/g, ' '))

/** What the desk covers. A story keeps to one subject (sometimes two), as a news story does. */
export const topics: readonly Topic[] = [
  {
    name: 'politics',
    nouns: words(`election vote ballot turnout coalition opposition manifesto constituency referendum bill amendment
      backbenchers cabinet reshuffle minister ministers MPs peers parliament Commons Lords whip candidate campaign
      poll polls leadership party voters devolution policy pledge rebellion committee lobbying donations
      by-election seat majority speech conference government`),
    verbs: words(
      `voted resigned sacked appointed pledged campaigned defeated elected tabled debated abstained rebelled`,
    ),
    adjectives: words(`parliamentary electoral cross-party constitutional ministerial marginal`),
    organisations: words(`the_Government Downing_Street the_Electoral_Commission the_Cabinet_Office the_Treasury`),
    titles: words(`Prime_Minister Chancellor Home_Secretary minister MP shadow_minister party_leader`),
  },
  {
    name: 'crime',
    nouns: words(`police officers arrest suspect charge trial jury verdict sentence prison judge court magistrates
      defendant prosecutor evidence witness murder robbery burglary stabbing fraud investigation detectives appeal
      bail custody inquest coroner victim victims knife cordon raid weapons firearms gang`),
    verbs: words(`arrested charged convicted jailed acquitted sentenced remanded appealed testified investigated`),
    adjectives: words(`criminal violent armed fatal suspicious undercover`),
    organisations: words(`the_police the_Crown_Prosecution_Service the_High_Court the_Court_of_Appeal the_Home_Office`),
    titles: words(`chief_constable detective_inspector judge prosecutor coroner`),
  },
  {
    name: 'weather',
    nouns: words(`flooding floods river rainfall storm gusts winds snow ice heatwave drought temperatures forecast
      barrier sandbags tide coast erosion reservoir hosepipe wildfire emissions climate pollution wildlife habitat
      rain showers frost thunderstorms landslide`),
    verbs: words(`flooded battered soaked evacuated breached swept peaked receded issued`),
    adjectives: words(`severe heavy torrential coastal environmental dry wet`),
    organisations: words(`the_Environment_Agency the_Met_Office the_coastguard the_fire_service`),
    titles: words(`forecaster meteorologist flood_manager`),
  },
  {
    name: 'health',
    nouns: words(`NHS hospital hospitals patients doctors nurses ambulance ambulances treatment surgery cancer vaccine
      virus infection outbreak GP prescription wards beds consultant junior_doctors waiting_lists operations
      diagnosis dementia midwives pharmacists clinic screening`),
    verbs: words(`treated diagnosed vaccinated admitted discharged screened operated`),
    adjectives: words(`medical clinical mental emergency routine chronic`),
    organisations: words(
      `the_NHS the_Department_of_Health the_World_Health_Organisation the_British_Medical_Association`,
    ),
    titles: words(`Health_Secretary chief_nurse medical_director consultant`),
  },
  {
    name: 'economy',
    nouns: words(`inflation interest_rates mortgage mortgages prices wages economy growth recession shares profits
      market markets investors lending debt borrowing tax taxes jobs unemployment retail sales exports tariffs pound
      merger takeover dividend pensions bonds energy_bills`),
    verbs: words(`rose fell slumped soared borrowed invested traded merged hiked`),
    adjectives: words(`economic financial fiscal annual quarterly inflationary`),
    organisations: words(
      `the_Bank_of_England the_Office_for_National_Statistics the_Treasury the_Financial_Conduct_Authority`,
    ),
    titles: words(`chief_economist Chancellor governor chief_executive analyst`),
  },
  {
    name: 'transport',
    nouns: words(`rail trains passengers delays timetable station stations motorway roadworks buses ferry ferries
      flights airport runway tunnel bridge congestion fares drivers railway signalling junction carriages
      cancellations commuters`),
    verbs: words(`cancelled suspended diverted resumed reopened closed derailed grounded`),
    adjectives: words(`northbound southbound overcrowded electrified delayed`),
    organisations: words(`Network_Rail the_Department_for_Transport National_Highways the_Civil_Aviation_Authority`),
    titles: words(`Transport_Secretary rail_minister station_manager`),
  },
  {
    name: 'conflict',
    nouns: words(`troops ceasefire missile missiles drone drones attack shelling offensive frontline refugees aid
      sanctions embassy diplomats talks summit treaty invasion soldiers civilians border convoy airstrike
      hostages negotiations peacekeepers`),
    verbs: words(`shelled invaded retreated advanced negotiated mobilised intercepted`),
    adjectives: words(`military humanitarian diplomatic occupied besieged`),
    organisations: words(`the_United_Nations Nato the_Foreign_Office the_Ministry_of_Defence the_Red_Cross`),
    titles: words(`Foreign_Secretary Defence_Secretary general ambassador envoy`),
  },
  {
    name: 'education',
    nouns: words(`schools pupils teachers exams results university universities students tuition fees curriculum
      headteacher classroom classrooms apprenticeships nursery grades lecturers campus admissions`),
    verbs: words(`taught graduated enrolled expelled inspected`),
    adjectives: words(`academic primary secondary vocational`),
    organisations: words(`Ofsted the_Department_for_Education the_university the_exam_board`),
    titles: words(`Education_Secretary headteacher vice-chancellor lecturer`),
  },
  {
    name: 'sport',
    nouns: words(`match season club manager striker goal goals penalty league cup final fans stadium transfer injury
      squad coach referee tournament championship victory defeat draw semi-final title wicket innings`),
    verbs: words(`scored won lost drew signed sacked relegated promoted qualified`),
    adjectives: words(`sporting unbeaten dramatic home away`),
    organisations: words(`the_Football_Association the_Premier_League the_England_and_Wales_Cricket_Board`),
    titles: words(`manager captain head_coach chairman`),
  },
  {
    name: 'culture',
    nouns: words(`festival film album concert theatre gallery museum exhibition author novel award prize premiere
      director actor actress singer band audience tickets orchestra collection artist poet`),
    verbs: words(`premiered performed exhibited published starred toured`),
    adjectives: words(`artistic acclaimed historic cultural`),
    organisations: words(`the_Arts_Council the_British_Museum the_BBC the_National_Theatre`),
    titles: words(`director curator artistic_director author`),
  },
  {
    name: 'technology',
    nouns: words(`research scientists study data software hackers cyber-attack artificial_intelligence satellite
      telescope broadband network smartphone privacy regulator app chips robots algorithm encryption startup`),
    verbs: words(`developed hacked launched tested discovered patched`),
    adjectives: words(`digital online scientific technological`),
    organisations: words(`the_regulator Ofcom the_Information_Commissioner the_UK_Space_Agency`),
    titles: words(`professor researcher chief_technology_officer`),
  },
  {
    name: 'housing',
    nouns: words(`housing rent homes planning development tenants landlords repairs potholes parking estate mould
      evictions bins library allotments leisure_centre bypass flats developers`),
    verbs: words(`built demolished refurbished evicted approved`),
    adjectives: words(`affordable derelict residential`),
    organisations: words(`the_city_council the_county_council the_housing_association the_planning_committee`),
    titles: words(`council_leader councillor housing_officer mayor`),
  },
]

// prettier-ignore
export const adverbs = ['also', 'now', 'still', 'already', 'later', 'again', 'quickly', 'finally', 'largely', 'widely']

// prettier-ignore
export const units = ['metres', 'miles', 'per cent', 'million', 'billion', 'hours', 'days', 'years', 'mph', 'tonnes']

// prettier-ignore
export const relatedSites = [
  'https://www.example-news.co.uk/news/',
  'https://www.example-gazette.com/world/',
  'https://www.example-herald.org/politics/',
]

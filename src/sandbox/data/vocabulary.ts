/**
 * The words sandbox people are made of: given names, family names, streets and the cities workers
 * live in. Names are deliberately varied so a demo looks like a real US workforce, and include
 * apostrophes and accents that a careless CSV export would mangle.
 */

/** Lists are written as comma-separated prose so a long pool stays readable in 100 columns. */
function wordList(text: string): readonly string[] {
  return text
    .split(/,|\n/)
    .map((word) => word.trim())
    .filter((word) => word.length > 0)
}

export const FEMININE_GIVEN_NAMES = wordList(`
  Priya, Sofia, Aisha, Hannah, Mei, Olivia, Fatima, Yuki, Chloe, Nadia, Leila, Grace, Emily,
  Isabella, Ngozi, Hana, Zoe, Maya, Amara, Rachel, Anika, Elena, Sara, Julia, Inés, Camila,
  Lauren, Keisha, Mariana, Siobhan, Tamar, Linh, Renée, Valentina, Abigail, Deepa, Imani,
  Katarzyna, Ruth, Noor, Beatriz, Chiamaka, Daniela, Esther, Farah, Gabriela, Harper, Ingrid,
  Jasmine, Kavya, Lucía, Meera, Naomi, Oluwaseun, Paloma, Rosa, Sakura, Thandiwe, Uma,
  Vanessa, Wen, Ximena, Yasmin, Zainab, Bridget, Claudia, Dalia, Eun-ji, Freya, Hadiya
`)

export const MASCULINE_GIVEN_NAMES = wordList(`
  Marcus, Wei, Diego, Kwame, Jamal, Mateo, Ethan, Andre, Samuel, Tomás, Omar, Raj, Daniel,
  Lucas, Carlos, Arjun, Benjamin, Kenji, Luis, David, Tyrone, Minh, Victor, Noah, Aaron,
  Hiroshi, Connor, Dmitri, Emeka, Javier, Kofi, Malik, Nathan, Patrick, Ravi, Sean, Tariq,
  Vikram, Yusuf, Zachary, Ahmed, Bogdan, Cyrus, Dario, Elijah, Farid, Gustavo, Hamza, Ibrahim,
  Jae-won, Kiran, Lorenzo, Mohammed, Nikhil, Oscar, Pedro, Rashid, Santiago, Theo, Uriel,
  Wesley, Xavier, Yosef, Adebayo, Bilal, Chidi, Desmond, Felipe, Gareth, Ignacio
`)

export const NEUTRAL_GIVEN_NAMES = wordList(`
  Alex, Jordan, Taylor, Riley, Casey, Morgan, Avery, Quinn, Rowan, Sage, Jamie, Kai, Robin,
  Emerson, Dakota, Reese
`)

export const MIDDLE_NAMES = wordList(`
  Anne, James, Marie, Lee, Rose, Michael, Elizabeth, Jean, Kumar, Lynn, Alexander, Grace,
  Thomas, Ray, Louise, José, Mae, Ali, Claire, D.
`)

export const FAMILY_NAMES = wordList(`
  Raman, Okafor, Nguyen, Garcia, Johnson, Chen, Patel, Kim, Williams, Hernandez, Rossi,
  Cohen, Kowalski, O'Brien, Haddad, Yamamoto, Mensah, Smith, Brown, López, Singh, Park,
  Murphy, Fischer, Ali, Santos, Dubois, Andersson, Moreno, Walker, Jackson, Rivera, Davis,
  Thompson, Martínez, Wright, Baker, Reyes, Ibrahim, Sato, Novak, Costa, Bennett, Hughes,
  Abebe, Delgado, Kaur, Schwartz, Li, Wong, Van der Berg, McAllister, Nakamura, Adeyemi,
  Romero, Goldberg, Tran, Svensson, Petrov, Oyelaran, Sullivan, Chowdhury, Morales,
  Lindqvist, Castillo, Fitzgerald, Iyer, Obi, Zhang, Acheampong, Bianchi, Choi, Dang,
  Eriksen, Ferreira, Gallagher, Hashemi, Ivanova, Jankowski, Khumalo, Lindgren, Mahmoud,
  Nwosu, Ortega, Pham, Quintero, Rahman, Sandoval, Takahashi, Umeh, Vasquez, Weiss, Yilmaz,
  Zamora, Banerjee, Carvalho, Dimitriou, Estrada, Flores, Gupta, Hoang, Ito, Jovanovic
`)

export const STREET_NAMES = wordList(`
  Oak St, Maple Ave, Cedar Ln, Valencia St, Park Pl, Elm St, Lincoln Ave, Washington St,
  Highland Ave, Grand Ave, Willow Way, Chestnut St, Spruce St, Broadway, Pine St,
  Hillcrest Rd, Riverside Dr, Franklin St, Jefferson Ave, Sycamore Ct, Magnolia Blvd,
  Prospect Ave, Union St, Harrison St, Church St
`)

export const UNIT_PREFIXES = ['Apt', 'Unit', '#', 'Apt', 'Suite'] as const

export interface ResidenceCity {
  readonly city: string
  readonly state: string
  readonly postalCodes: readonly string[]
  readonly areaCode: string
  /** Residents of New York City owe the city's own income tax. */
  readonly nycResident?: boolean
}

export const CITIES_BY_STATE: Readonly<Record<string, readonly ResidenceCity[]>> = {
  CA: [
    {
      city: 'San Francisco',
      state: 'CA',
      postalCodes: ['94110', '94117', '94122'],
      areaCode: '415',
    },
    { city: 'Oakland', state: 'CA', postalCodes: ['94610', '94607', '94619'], areaCode: '510' },
    { city: 'Daly City', state: 'CA', postalCodes: ['94015'], areaCode: '650' },
    { city: 'Berkeley', state: 'CA', postalCodes: ['94703', '94709'], areaCode: '510' },
    { city: 'San Mateo', state: 'CA', postalCodes: ['94401', '94403'], areaCode: '650' },
  ],
  NY: [
    {
      city: 'Brooklyn',
      state: 'NY',
      postalCodes: ['11215', '11216', '11238'],
      areaCode: '718',
      nycResident: true,
    },
    {
      city: 'New York',
      state: 'NY',
      postalCodes: ['10025', '10003', '10011'],
      areaCode: '212',
      nycResident: true,
    },
    {
      city: 'Astoria',
      state: 'NY',
      postalCodes: ['11102', '11105'],
      areaCode: '718',
      nycResident: true,
    },
    { city: 'Yonkers', state: 'NY', postalCodes: ['10701', '10705'], areaCode: '914' },
  ],
  PA: [
    {
      city: 'Philadelphia',
      state: 'PA',
      postalCodes: ['19146', '19104', '19125', '19147'],
      areaCode: '215',
    },
    { city: 'Upper Darby', state: 'PA', postalCodes: ['19082'], areaCode: '610' },
    { city: 'Norristown', state: 'PA', postalCodes: ['19401'], areaCode: '610' },
  ],
  TX: [
    { city: 'Austin', state: 'TX', postalCodes: ['78704', '78702', '78745'], areaCode: '512' },
    { city: 'Round Rock', state: 'TX', postalCodes: ['78664', '78681'], areaCode: '512' },
    { city: 'Pflugerville', state: 'TX', postalCodes: ['78660'], areaCode: '737' },
  ],
  CO: [
    { city: 'Denver', state: 'CO', postalCodes: ['80205', '80210', '80218'], areaCode: '303' },
    { city: 'Aurora', state: 'CO', postalCodes: ['80012', '80014'], areaCode: '720' },
    { city: 'Lakewood', state: 'CO', postalCodes: ['80226'], areaCode: '303' },
  ],
  IL: [{ city: 'Chicago', state: 'IL', postalCodes: ['60614', '60647', '60622'], areaCode: '312' }],
  GA: [{ city: 'Atlanta', state: 'GA', postalCodes: ['30307', '30306', '30318'], areaCode: '404' }],
  MA: [{ city: 'Somerville', state: 'MA', postalCodes: ['02144', '02143'], areaCode: '617' }],
  NC: [{ city: 'Durham', state: 'NC', postalCodes: ['27701', '27705'], areaCode: '919' }],
  WA: [{ city: 'Seattle', state: 'WA', postalCodes: ['98103', '98117', '98122'], areaCode: '206' }],
  FL: [{ city: 'Tampa', state: 'FL', postalCodes: ['33606', '33629'], areaCode: '813' }],
}

/** States remote workers live in, chosen so several state tax regimes show up in one company. */
export const REMOTE_STATES = ['IL', 'GA', 'MA', 'NC', 'WA', 'FL', 'CO', 'NY'] as const

export const PERSONAL_EMAIL_DOMAINS = ['mail.example', 'inbox.example', 'post.example'] as const

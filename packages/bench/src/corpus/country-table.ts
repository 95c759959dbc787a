import type { RegionId } from '@iom/content-model';

/**
 * Real ISO 3166-1 alpha-2 codes by regional office, each with its capital (used as a dateline place). Codes only and
 * no country names: the site and the generator take names from `Intl.DisplayNames`, as the real content does.
 * The first code of each region is the country of its regional office.
 */
const table: Record<RegionId, string> = {
  'west-central-africa':
    'SN Dakar|ML Bamako|NE Niamey|BF Ouagadougou|GN Conakry|GW Bissau|SL Freetown|LR Monrovia|CI Abidjan|GH Accra|' +
    'TG Lomé|BJ Cotonou|NG Abuja|CM Yaoundé|TD N’Djamena|CF Bangui|GA Libreville|CG Brazzaville|CD Kinshasa|' +
    'GQ Malabo|ST São Tomé|CV Praia|MR Nouakchott|GM Banjul',
  'east-horn-africa': 'KE Nairobi|ET Addis Ababa|SO Mogadishu|DJ Djibouti|ER Asmara|UG Kampala|RW Kigali|BI Bujumbura|TZ Dodoma|SS Juba',
  'southern-africa':
    'ZA Pretoria|AO Luanda|BW Gaborone|KM Moroni|SZ Mbabane|LS Maseru|MG Antananarivo|MW Lilongwe|MU Port Louis|' +
    'MZ Maputo|NA Windhoek|SC Victoria|ZM Lusaka|ZW Harare',
  'middle-east-north-africa':
    'EG Cairo|LY Tripoli|TN Tunis|DZ Algiers|MA Rabat|SD Khartoum|IQ Baghdad|JO Amman|LB Beirut|SY Damascus|YE Sana’a|' +
    'SA Riyadh|KW Kuwait City|BH Manama|QA Doha|AE Abu Dhabi|OM Muscat|PS Ramallah',
  'asia-pacific':
    'TH Bangkok|AF Kabul|BD Dhaka|BT Thimphu|KH Phnom Penh|CN Beijing|FJ Suva|IN New Delhi|ID Jakarta|IR Tehran|' +
    'JP Tokyo|KI Tarawa|LA Vientiane|MY Kuala Lumpur|MV Malé|MH Majuro|FM Palikir|MN Ulaanbaatar|MM Yangon|NR Yaren|' +
    'NP Kathmandu|NZ Wellington|PK Islamabad|PW Ngerulmud|PG Port Moresby|PH Manila|KR Seoul|WS Apia|SB Honiara|' +
    'LK Colombo|TL Dili|TO Nuku’alofa|TV Funafuti|VU Port Vila|VN Hanoi|AU Canberra',
  'europe-central-asia':
    'AT Vienna|AL Tirana|AM Yerevan|AZ Baku|BY Minsk|BE Brussels|BA Sarajevo|BG Sofia|HR Zagreb|CY Nicosia|CZ Prague|' +
    'DK Copenhagen|EE Tallinn|FI Helsinki|FR Paris|GE Tbilisi|DE Berlin|GR Athens|HU Budapest|IE Dublin|IT Rome|' +
    'KZ Astana|KG Bishkek|LV Riga|LT Vilnius|LU Luxembourg|MT Valletta|MD Chișinău|ME Podgorica|NL The Hague|' +
    'MK Skopje|NO Oslo|PL Warsaw|PT Lisbon|RO Bucharest|RU Moscow|RS Belgrade|SK Bratislava|SI Ljubljana|ES Madrid|' +
    'SE Stockholm|CH Geneva|TJ Dushanbe|TR Ankara|TM Ashgabat|UA Kyiv|GB London|UZ Tashkent',
  americas:
    'PA Panama City|AR Buenos Aires|BS Nassau|BZ Belmopan|BO La Paz|BR Brasília|CA Ottawa|CL Santiago|CO Bogotá|' +
    'CR San José|CU Havana|DO Santo Domingo|EC Quito|SV San Salvador|GT Guatemala City|GY Georgetown|HT Port-au-Prince|' +
    'HN Tegucigalpa|JM Kingston|MX Mexico City|NI Managua|PY Asunción|PE Lima|SR Paramaribo|TT Port of Spain|' +
    'UY Montevideo|VE Caracas|US Washington|AG St. John’s|BB Bridgetown|DM Roseau|GD St. George’s|KN Basseterre|' +
    'LC Castries|VC Kingstown',
};

/** A country the generator may write a record for. */
export interface CountryEntry {
  code: string;
  region: RegionId;
  /** Capital, in English, as a dateline place. */
  capital: string;
  /** True for the country that hosts the regional office. */
  regionalOffice: boolean;
}

/**
 * All countries of the table, region by region, in a fixed order.
 *
 * @example
 * countryTable().find((c) => c.code === 'LY') // { code: 'LY', region: 'middle-east-north-africa', capital: 'Tripoli', regionalOffice: false }
 */
export function countryTable(): CountryEntry[] {
  return (Object.entries(table) as [RegionId, string][]).flatMap(([region, list]) =>
    list.split('|').map((item, index) => {
      const space = item.indexOf(' ');
      return { code: item.slice(0, space), region, capital: item.slice(space + 1), regionalOffice: index === 0 };
    }),
  );
}

/** Geneva, where global releases are datelined. */
export const headquarters = { place: 'Geneva', country: 'CH' } as const;

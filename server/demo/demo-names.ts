/** Given names and family names by community, so that generated names are plausible together. */
export interface NameGroup {
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
  /** The family name a woman takes in this community when it differs (e.g. Kaur). */
  femaleSurnames?: readonly string[];
}

export const NAME_GROUPS: readonly NameGroup[] = [
  {
    male: [
      'Manjunath',
      'Prakash',
      'Suresh',
      'Naveen',
      'Girish',
      'Karthik',
      'Shivakumar',
      'Raghavendra',
      'Chetan',
      'Darshan',
    ],
    female: [
      'Lakshmi',
      'Kavya',
      'Shruthi',
      'Deepa',
      'Bhavya',
      'Sowmya',
      'Anitha',
      'Rashmi',
      'Chaitra',
      'Nandini',
    ],
    surnames: ['Gowda', 'Hegde', 'Shetty', 'Rao', 'Kulkarni', 'Patil', 'Bhat', 'Murthy', 'Naik', 'Prasad'],
  },
  {
    male: ['Karthikeyan', 'Senthil', 'Arun', 'Vignesh', 'Murugan', 'Balaji', 'Ramesh', 'Saravanan'],
    female: ['Priya', 'Divya', 'Meenakshi', 'Revathi', 'Janani', 'Kalpana', 'Gayathri', 'Vidya'],
    surnames: [
      'Subramanian',
      'Krishnan',
      'Venkatesh',
      'Raman',
      'Natarajan',
      'Sundaram',
      'Iyengar',
      'Chandrasekhar',
    ],
  },
  {
    male: ['Anoop', 'Jithin', 'Sreejith', 'Rajeev', 'Vishnu', 'Arjun', 'Harikrishnan'],
    female: ['Anjali', 'Lekha', 'Nimisha', 'Aswathy', 'Sreeja', 'Parvathy', 'Keerthana'],
    surnames: ['Nair', 'Menon', 'Pillai', 'Kurup', 'Panicker', 'Warrier', 'Nambiar'],
  },
  {
    male: ['Sourav', 'Arijit', 'Debashish', 'Partha', 'Subhajit', 'Anirban'],
    female: ['Riya', 'Moumita', 'Sudeshna', 'Paromita', 'Tanushree', 'Ishita'],
    surnames: ['Banerjee', 'Chatterjee', 'Mukherjee', 'Das', 'Ghosh', 'Sen', 'Bhattacharya'],
  },
  {
    male: ['Amit', 'Rohit', 'Vikram', 'Sandeep', 'Ankit', 'Rajesh', 'Saurabh', 'Manish'],
    female: ['Neha', 'Pooja', 'Sunita', 'Ritu', 'Swati', 'Shalini', 'Kirti', 'Anjali'],
    surnames: ['Sharma', 'Verma', 'Gupta', 'Agarwal', 'Mishra', 'Yadav', 'Srivastava', 'Tiwari'],
  },
  {
    male: ['Gurpreet', 'Manpreet', 'Jaspreet', 'Harjeet', 'Amandeep'],
    female: ['Simran', 'Harleen', 'Navneet', 'Jasleen', 'Gurleen'],
    surnames: ['Singh', 'Gill', 'Sandhu', 'Dhillon', 'Grewal'],
    femaleSurnames: ['Kaur', 'Gill', 'Sandhu', 'Dhillon', 'Grewal'],
  },
  {
    male: ['Siddharth', 'Omkar', 'Hardik', 'Nikhil', 'Parth', 'Tejas'],
    female: ['Sneha', 'Prachi', 'Hetal', 'Mitali', 'Rutuja', 'Krupa'],
    surnames: ['Deshpande', 'Joshi', 'Patel', 'Shah', 'Mehta', 'Desai', 'Gokhale'],
  },
  {
    male: ['Joseph', 'Francis', 'Anthony', 'Sebastian', 'José', 'Clement', 'Ryan'],
    female: ['Mary', 'Teresa', 'Renée', 'Sharon', 'Angela', 'Lavina', 'Zoë'],
    surnames: ["D'Souza", 'Pereira', 'Fernandes', 'Pinto', 'Rodrigues', 'Mathew', 'Noronha', 'Lobo'],
  },
  {
    male: ['Mohammed Irfan', 'Syed Imran', 'Faisal', 'Arshad', 'Sameer', 'Tanveer', 'Zaheer'],
    female: ['Ayesha', 'Fathima', 'Sana', 'Zainab', 'Nazia', 'Rukhsar', 'Shabana'],
    surnames: ['Khan', 'Ahmed', 'Sheikh', 'Siddiqui', 'Hussain', 'Basha', 'Pasha'],
  },
];

/** A few patients whose names are written in their own script. */
export const SCRIPT_NAMES: readonly { name: string; sex: 'male' | 'female' }[] = [
  { name: 'ಅನಿಲ್ ಕುಮಾರ್', sex: 'male' },
  { name: 'ಸುಮಾ ರಾಘವೇಂದ್ರ', sex: 'female' },
  { name: 'प्रिया शर्मा', sex: 'female' },
  { name: 'முருகன் செல்வம்', sex: 'male' },
];

export const LOCALITIES: readonly { name: string; pin: string }[] = [
  { name: 'Jayanagar 4th Block', pin: '560011' },
  { name: 'Koramangala 5th Block', pin: '560095' },
  { name: 'Indiranagar', pin: '560038' },
  { name: 'Malleshwaram', pin: '560003' },
  { name: 'HSR Layout Sector 2', pin: '560102' },
  { name: 'Whitefield', pin: '560066' },
  { name: 'BTM Layout 2nd Stage', pin: '560076' },
  { name: 'Basavanagudi', pin: '560004' },
  { name: 'Rajajinagar', pin: '560010' },
  { name: 'JP Nagar 6th Phase', pin: '560078' },
  { name: 'Banashankari 2nd Stage', pin: '560070' },
  { name: 'Hebbal', pin: '560024' },
  { name: 'Yelahanka New Town', pin: '560064' },
  { name: 'Marathahalli', pin: '560037' },
  { name: 'Electronic City Phase 1', pin: '560100' },
  { name: 'Wilson Garden', pin: '560027' },
];

export const STREETS: readonly string[] = [
  '3rd Cross',
  '5th Main',
  '9th Cross, 2nd Main',
  '14th Main Road',
  '1st A Cross',
  'Temple Street',
  '27th Cross',
  'Lake View Road',
  '6th B Main',
];

export const INSURERS: readonly string[] = [
  'Star Health',
  'HDFC ERGO',
  'ICICI Lombard',
  'Niva Bupa',
  'Care Health',
  'New India Assurance',
];

// Synthetic people by country: given and family names (Latin transliteration), language and calling code. No real people.
export interface CountryProfile {
  code: string;
  language: string;
  callingCode: string;
  weight: number;
  given: { female: readonly string[]; male: readonly string[] };
  family: readonly string[];
  /** Family name first, as people from there write it. */
  familyFirst?: boolean;
  /** Names in the native script, by their transliteration, where the script differs from Latin. */
  native?: Readonly<Record<string, string>>;
}

export const COUNTRIES: readonly CountryProfile[] = [
  {
    code: 'CN',
    language: 'zh',
    callingCode: '86',
    weight: 20,
    familyFirst: true,
    given: {
      female: ['Fang', 'Li Na', 'Xiu Ying', 'Mei', 'Jing', 'Yan', 'Hui', 'Ling'],
      male: ['Wei', 'Ming', 'Jun', 'Lei', 'Qiang', 'Hao', 'Jian', 'Bo'],
    },
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun'],
    native: {
      Wang: '王',
      Li: '李',
      Zhang: '张',
      Liu: '刘',
      Chen: '陈',
      Yang: '杨',
      Huang: '黄',
      Zhao: '赵',
      Wu: '吴',
      Zhou: '周',
      Xu: '徐',
      Sun: '孙',
      Fang: '芳',
      'Li Na': '丽娜',
      'Xiu Ying': '秀英',
      Mei: '梅',
      Jing: '静',
      Yan: '燕',
      Hui: '慧',
      Ling: '玲',
      Wei: '伟',
      Ming: '明',
      Jun: '军',
      Lei: '磊',
      Qiang: '强',
      Hao: '浩',
      Jian: '建',
      Bo: '波',
    },
  },
  {
    code: 'RU',
    language: 'ru',
    callingCode: '7',
    weight: 10,
    given: {
      female: ['Anna', 'Olga', 'Tatiana', 'Elena', 'Irina', 'Natalia', 'Svetlana'],
      male: ['Sergei', 'Ivan', 'Dmitri', 'Alexei', 'Nikolai', 'Andrei', 'Mikhail'],
    },
    family: ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Sokolov', 'Lebedev', 'Kozlov', 'Novikov', 'Morozov'],
    native: {
      Anna: 'Анна',
      Olga: 'Ольга',
      Tatiana: 'Татьяна',
      Elena: 'Елена',
      Irina: 'Ирина',
      Natalia: 'Наталья',
      Svetlana: 'Светлана',
      Sergei: 'Сергей',
      Ivan: 'Иван',
      Dmitri: 'Дмитрий',
      Alexei: 'Алексей',
      Nikolai: 'Николай',
      Andrei: 'Андрей',
      Mikhail: 'Михаил',
      Ivanov: 'Иванов',
      Smirnov: 'Смирнов',
      Kuznetsov: 'Кузнецов',
      Popov: 'Попов',
      Sokolov: 'Соколов',
      Lebedev: 'Лебедев',
      Kozlov: 'Козлов',
      Novikov: 'Новиков',
      Morozov: 'Морозов',
    },
  },
  {
    code: 'KZ',
    language: 'kk',
    callingCode: '7',
    weight: 5,
    given: {
      female: ['Aigerim', 'Dana', 'Saule', 'Gulnara', 'Aruzhan'],
      male: ['Nurlan', 'Yerlan', 'Askar', 'Daulet', 'Timur'],
    },
    family: ['Nurpeisov', 'Akhmetov', 'Suleimenov', 'Bekov', 'Omarov', 'Zhaksybekov'],
  },
  {
    code: 'MN',
    language: 'mn',
    callingCode: '976',
    weight: 3,
    given: {
      female: ['Oyunaa', 'Sarangerel', 'Enkhjargal', 'Tsetseg'],
      male: ['Bat-Erdene', 'Ganbold', 'Tomor', 'Bold'],
    },
    family: ['Dorj', 'Batbayar', 'Ganbaatar', 'Enkhbayar', 'Tsogt'],
  },
  {
    code: 'US',
    language: 'en',
    callingCode: '1',
    weight: 8,
    given: {
      female: ['Mary', 'Linda', 'Susan', 'Karen', 'Nancy', 'Donna', 'Carol'],
      male: ['James', 'Robert', 'John', 'Michael', 'David', 'Richard', 'Thomas'],
    },
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Miller', 'Davis', 'Wilson', 'Moore', 'Taylor'],
  },
  {
    code: 'GB',
    language: 'en',
    callingCode: '44',
    weight: 4,
    given: {
      female: ['Margaret', 'Susan', 'Patricia', 'Helen', 'Janet'],
      male: ['Peter', 'Brian', 'Graham', 'Keith', 'Colin'],
    },
    family: ['Jones', 'Evans', 'Roberts', 'Hughes', 'Walker', 'Wright', 'Green'],
  },
  {
    code: 'DE',
    language: 'de',
    callingCode: '49',
    weight: 4,
    given: {
      female: ['Ursula', 'Monika', 'Petra', 'Sabine', 'Gabriele'],
      male: ['Klaus', 'Jürgen', 'Wolfgang', 'Dieter', 'Uwe'],
    },
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann'],
  },
  {
    code: 'AE',
    language: 'ar',
    callingCode: '971',
    weight: 4,
    given: {
      female: ['Fatima', 'Mariam', 'Aisha', 'Noura', 'Hessa'],
      male: ['Mohammed', 'Ahmed', 'Khalid', 'Saeed', 'Rashid'],
    },
    family: ['Al Mansoori', 'Al Hashimi', 'Al Nuaimi', 'Al Ketbi', 'Al Suwaidi'],
  },
  {
    code: 'SA',
    language: 'ar',
    callingCode: '966',
    weight: 4,
    given: { female: ['Reem', 'Lama', 'Sara', 'Huda', 'Amal'], male: ['Abdullah', 'Faisal', 'Omar', 'Turki', 'Majed'] },
    family: ['Al Qahtani', 'Al Ghamdi', 'Al Harbi', 'Al Otaibi', 'Al Zahrani'],
  },
  {
    code: 'IL',
    language: 'he',
    callingCode: '972',
    weight: 2,
    given: { female: ['Miriam', 'Rivka', 'Tamar', 'Yael'], male: ['David', 'Moshe', 'Yosef', 'Avi'] },
    family: ['Cohen', 'Levi', 'Mizrahi', 'Peretz', 'Friedman'],
  },
  {
    code: 'AU',
    language: 'en',
    callingCode: '61',
    weight: 3,
    given: { female: ['Jennifer', 'Michelle', 'Lisa', 'Kylie'], male: ['Mark', 'Craig', 'Darren', 'Glenn'] },
    family: ['Thompson', 'Martin', 'Anderson', 'White', 'Kelly', 'Ryan'],
  },
  {
    code: 'CA',
    language: 'en',
    callingCode: '1',
    weight: 2,
    given: { female: ['Julie', 'Chantal', 'Karen', 'Diane'], male: ['Pierre', 'Marc', 'Kevin', 'Daniel'] },
    family: ['Tremblay', 'Gagnon', 'Roy', 'Campbell', 'MacDonald'],
  },
  {
    code: 'VN',
    language: 'vi',
    callingCode: '84',
    weight: 4,
    familyFirst: true,
    given: {
      female: ['Thi Lan', 'Thi Hoa', 'Ngoc Anh', 'Thu Trang'],
      male: ['Van Minh', 'Duc Anh', 'Quang Huy', 'Van Nam'],
    },
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu'],
  },
  {
    code: 'ID',
    language: 'id',
    callingCode: '62',
    weight: 3,
    given: { female: ['Siti', 'Dewi', 'Sri', 'Rina'], male: ['Budi', 'Agus', 'Hendra', 'Joko'] },
    family: ['Santoso', 'Wijaya', 'Kusuma', 'Hidayat', 'Pratama'],
  },
  {
    code: 'MY',
    language: 'ms',
    callingCode: '60',
    weight: 3,
    given: { female: ['Nurul', 'Siti Aminah', 'Mei Ling', 'Aishah'], male: ['Ahmad', 'Hafiz', 'Kok Wai', 'Rajesh'] },
    family: ['Abdullah', 'Ismail', 'Tan', 'Lim', 'Ibrahim'],
  },
  {
    code: 'TH',
    language: 'th',
    callingCode: '66',
    weight: 2,
    given: { female: ['Somsri', 'Malee', 'Pranee', 'Kanya'], male: ['Somchai', 'Sombat', 'Prasert', 'Anan'] },
    family: ['Saetang', 'Srisuk', 'Wongsa', 'Chaiyaporn', 'Rattanakul'],
  },
  {
    code: 'IN',
    language: 'hi',
    callingCode: '91',
    weight: 3,
    given: { female: ['Sunita', 'Anita', 'Priya', 'Lakshmi'], male: ['Rajesh', 'Suresh', 'Anil', 'Vijay'] },
    family: ['Sharma', 'Patel', 'Gupta', 'Singh', 'Reddy', 'Iyer'],
  },
  {
    code: 'PK',
    language: 'ur',
    callingCode: '92',
    weight: 2,
    given: { female: ['Ayesha', 'Sana', 'Nadia', 'Rabia'], male: ['Imran', 'Tariq', 'Asif', 'Usman'] },
    family: ['Khan', 'Malik', 'Qureshi', 'Chaudhry', 'Butt'],
  },
  {
    code: 'UA',
    language: 'uk',
    callingCode: '380',
    weight: 3,
    given: { female: ['Oksana', 'Halyna', 'Larysa', 'Iryna'], male: ['Oleksandr', 'Volodymyr', 'Mykola', 'Taras'] },
    family: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Melnyk'],
  },
  {
    code: 'FR',
    language: 'fr',
    callingCode: '33',
    weight: 2,
    given: {
      female: ['Catherine', 'Isabelle', 'Sylvie', 'Martine'],
      male: ['Philippe', 'Alain', 'Michel', 'Jean-Luc'],
    },
    family: ['Martin', 'Bernard', 'Dubois', 'Durand', 'Lefebvre', 'Moreau'],
  },
  {
    code: 'IT',
    language: 'it',
    callingCode: '39',
    weight: 2,
    given: {
      female: ['Giuseppina', 'Maria', 'Francesca', 'Paola'],
      male: ['Giuseppe', 'Antonio', 'Marco', 'Giovanni'],
    },
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano'],
  },
  {
    code: 'ES',
    language: 'es',
    callingCode: '34',
    weight: 2,
    given: { female: ['Carmen', 'Dolores', 'Pilar', 'Lucía'], male: ['José', 'Manuel', 'Francisco', 'Javier'] },
    family: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez'],
  },
  {
    code: 'BR',
    language: 'pt',
    callingCode: '55',
    weight: 2,
    given: { female: ['Ana', 'Francisca', 'Antônia', 'Adriana'], male: ['João', 'Paulo', 'Carlos', 'Luiz'] },
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa'],
  },
  {
    code: 'NG',
    language: 'en',
    callingCode: '234',
    weight: 2,
    given: { female: ['Ngozi', 'Funmilayo', 'Aisha', 'Chioma'], male: ['Emeka', 'Oluwaseun', 'Ibrahim', 'Chinedu'] },
    family: ['Okafor', 'Adeyemi', 'Bello', 'Eze', 'Okonkwo'],
  },
  {
    code: 'EG',
    language: 'ar',
    callingCode: '20',
    weight: 2,
    given: { female: ['Mona', 'Heba', 'Yasmin', 'Dina'], male: ['Mahmoud', 'Mostafa', 'Hassan', 'Karim'] },
    family: ['Hassan', 'Mahmoud', 'Ibrahim', 'Abdel Rahman', 'El Sayed'],
  },
];

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

export const REFERRAL_SOURCES = [
  'Search engine',
  'A former patient',
  'Neurologist at home',
  'Patient forum',
  'Social media',
  'Medical travel agency',
  'News article',
  'Friend or family',
] as const;

export const MESSAGES = [
  'My father had a stroke last year and still cannot walk without help. Is he a candidate for your program?',
  'We would like to know the cost, the length of the stay, and whether you accept patients from abroad.',
  'Her right arm is still weak and her speech is slow. What results can we expect?',
  'He is on blood thinners after the stroke. Can he still have the lumbar puncture?',
  'Could you send information in our language? We can travel next month.',
  'The MRI report is ready. Where should we send the records?',
  'I had a small stroke two years ago and my balance is still poor. Is it too late for treatment?',
  'We saw your page and would like to speak with a doctor before deciding.',
] as const;

export const ACTIVITY_SUMMARIES: Record<'call' | 'email' | 'message' | 'note' | 'document', readonly string[]> = {
  call: [
    'Called the family; explained the program and the next steps.',
    'Spoke with the patient’s son about travel dates.',
    'No answer; left a voicemail.',
    'Discussed costs and the hospital stay.',
  ],
  email: [
    'Sent the program overview and the list of records we need.',
    'Replied with the estimate and the visa letter template.',
    'Asked for the latest MRI and discharge summary.',
  ],
  message: [
    'Messaged with the daughter; she will send the scans this week.',
    'Confirmed by message that the records arrived.',
    'Answered questions about accommodation nearby.',
  ],
  note: [
    'Family prefers a call in the evening, clinic time.',
    'Interpreter needed for calls.',
    'Asked the doctor to look at the records first.',
    'Patient has a pacemaker: flag for review.',
  ],
  document: [
    'MRI report received (PDF).',
    'Hospital discharge summary received.',
    'Blood tests from last month received.',
    'CT scan images received on a link.',
  ],
};

export const DECLINE_REASONS = [
  'Onset too recent: recommend rehabilitation first and review in 3 months',
  'Severe heart failure: risk of the procedure too high',
  'Active infection; may reapply after treatment',
  'Records do not support the stroke diagnosis',
] as const;

export const CLOSE_REASONS = [
  'No response after three follow-ups',
  'Family chose treatment closer to home',
  'Could not travel for health reasons',
  'Duplicate of an earlier inquiry',
  'Patient passed away',
] as const;

// Realistic customer data for demo databases, per language.
import type { Language } from '../../../shared/domain/vocabulary';

export const FIRST_NAMES: Record<Language, string[]> = {
  it: ['Marco', 'Giulia', 'Luca', 'Francesca', 'Alessandro', 'Chiara', 'Matteo', 'Sara', 'Andrea', 'Valentina', 'Giovanni', 'Elena', 'Roberto', 'Paola', 'Stefano', 'Federica', 'Davide', 'Silvia', 'Riccardo', 'Martina'],
  fr: ['Jean', 'Marie', 'Pierre', 'Sophie', 'Nicolas', 'Camille', 'Julien', 'Claire', 'Antoine', 'Élodie', 'Thomas', 'Céline', 'François', 'Aurélie', 'Mathieu', 'Isabelle', 'Laurent', 'Nathalie', 'Hugo', 'Manon'],
  de: ['Thomas', 'Anna', 'Michael', 'Julia', 'Stefan', 'Katrin', 'Andreas', 'Sabine', 'Markus', 'Claudia', 'Jürgen', 'Monika', 'Tobias', 'Lena', 'Florian', 'Birgit', 'Matthias', 'Susanne', 'Jörg', 'Petra'],
  en: ['James', 'Emma', 'Oliver', 'Charlotte', 'William', 'Amelia', 'Henry', 'Sophia', 'George', 'Isabella', 'Edward', 'Grace', 'Thomas', 'Lucy', 'Daniel', 'Hannah', 'Samuel', 'Olivia', 'Richard', 'Victoria'],
};

export const LAST_NAMES: Record<Language, string[]> = {
  it: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti'],
  fr: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier'],
  de: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann'],
  en: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke'],
};

export const PLACES: Record<Language, { country: string; prefix: string; cities: [string, string, string][] }> = {
  it: { country: 'IT', prefix: '+39 3', cities: [['Modena', 'MO', '41121'], ['Milano', 'MI', '20121'], ['Roma', 'RM', '00184'], ['Bologna', 'BO', '40121'], ['Torino', 'TO', '10121']] },
  fr: { country: 'FR', prefix: '+33 6', cities: [['Paris', 'IDF', '75008'], ['Lyon', 'ARA', '69002'], ['Nice', 'PACA', '06000'], ['Bordeaux', 'NAQ', '33000'], ['Lille', 'HDF', '59000']] },
  de: { country: 'DE', prefix: '+49 15', cities: [['München', 'BY', '80331'], ['Stuttgart', 'BW', '70173'], ['Hamburg', 'HH', '20095'], ['Berlin', 'BE', '10115'], ['Köln', 'NW', '50667']] },
  en: { country: 'GB', prefix: '+44 7', cities: [['London', 'LND', 'SW1A 1AA'], ['Manchester', 'MAN', 'M1 1AE'], ['Leeds', 'LDS', 'LS1 1UR'], ['Bristol', 'BST', 'BS1 4DJ'], ['Edinburgh', 'EDH', 'EH1 1YZ']] },
};

export const MODELS = ['Ghibli', 'Levante', 'Quattroporte', 'Grecale', 'GranTurismo', 'GranCabrio', 'MC20'];

export const REQUESTS: Record<string, string[]> = {
  service_reminder: ['Annual service', 'Oil change and inspection', 'Brake check'],
  warranty_end_reminder: ['Warranty extension quote', 'Pre-expiry inspection'],
  seasonal_promo: ['Winter check-up', 'Summer air-conditioning check'],
  extended_warranty_web: ['Extended warranty information', 'Extended warranty purchase'],
  accessories_wheels_tyres: ['Winter tyres', 'New wheels quote', 'Tyre replacement'],
  spontaneous_dealer: ['Noise from the front axle', 'Warning light on dashboard', 'Service booking', 'Bodywork estimate'],
};

export const STAFF: { name: string; email: string; language: Language; roles: string[] }[] = [
  { name: 'Giulia Ferretti', email: 'giulia.ferretti@dealer.example', language: 'it', roles: ['manager'] },
  { name: 'Paolo Neri', email: 'paolo.neri@dealer.example', language: 'it', roles: ['alternate', 'service_advisor'] },
  { name: 'Anna Keller', email: 'anna.keller@dealer.example', language: 'de', roles: ['booking_operator'] },
  { name: 'Luc Martin', email: 'luc.martin@dealer.example', language: 'fr', roles: ['booking_operator'] },
  { name: 'Sarah Collins', email: 'sarah.collins@dealer.example', language: 'en', roles: ['service_advisor'] },
  { name: 'Marco Villa', email: 'marco.villa@dealer.example', language: 'it', roles: ['parts_staff'] },
];

export const VERBATIMS = [
  'Customer would like to book as soon as possible',
  'Asked for a quote before deciding',
  'Prefers mornings, call back next week',
  'Vehicle already serviced elsewhere',
  'Interested, wants the price list by e-mail',
  'Please call after 5 pm',
];

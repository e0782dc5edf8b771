import type { Translation } from '@renderer/companion/i18n/translation';
import type { waitlist as en } from '../en/waitlist';

/** The waiting list: join for a doctor and dates, see offers, leave (Hindi). */
export const waitlist: Translation<typeof en> = {
  title: 'प्रतीक्षा सूची',
  intro: 'आपके लिए सही समय खाली नहीं है? प्रतीक्षा सूची में जुड़ें; कोई समय खाली होने पर क्लिनिक आपको पेशकश करेगा।',
  join: 'प्रतीक्षा सूची में जुड़ें',
  joinTitle: 'प्रतीक्षा सूची में जुड़ें',
  empty: 'आप प्रतीक्षा सूची में नहीं हैं।',
  doctor: 'डॉक्टर',
  chooseDoctor: 'डॉक्टर चुनें',
  fromDate: 'कब से',
  toDate: 'कब तक',
  note: 'क्लिनिक के लिए नोट (वैकल्पिक)',
  submit: 'जुड़ें',
  joining: 'जोड़ा जा रहा है…',
  joined: 'आप प्रतीक्षा सूची में हैं।',
  leave: 'हटें',
  leaveLabel: '{{doctor}} की प्रतीक्षा सूची से हटें',
  dates: '{{from}} से {{to}} तक',
  status: {
    WAITING: 'प्रतीक्षा में',
    OFFERED: 'समय की पेशकश',
    BOOKED: 'बुक हो गया',
    EXPIRED: 'पेशकश समाप्त',
    CANCELLED: 'हट गए',
  },
  offer: {
    title: 'एक समय की पेशकश: {{when}}',
    heldUntil: '{{time}} तक आपके लिए रोका गया है',
    expired: 'रोकने का समय समाप्त हो गया।',
    contact: 'इसे लेने के लिए रोक समाप्त होने से पहले क्लिनिक को फ़ोन करें{{phone}}।',
  },
  errors: {
    doctorId: 'डॉक्टर चुनें।',
    fromDate: 'पहला दिन चुनें (आज या उसके बाद)।',
    toDate: 'आख़िरी दिन चुनें (पहले दिन या उसके बाद)।',
    note: 'नोट बहुत लंबा है (अधिकतम 300 अक्षर)।',
    conflict: 'आप इस डॉक्टर की प्रतीक्षा सूची में पहले से हैं।',
  },
  back: 'प्रतीक्षा सूची पर वापस',
};

import type { Translation } from '@renderer/companion/i18n/translation';
import type { home as en } from '../en/home';

/** The home screen: the next visit, the clinic's contact, and the live queue card (Hindi). */
export const home: Translation<typeof en> = {
  title: 'होम',
  next: {
    heading: 'आपकी अगली विज़िट',
    none: 'आपकी कोई आने वाली विज़िट नहीं है।',
    book: 'विज़िट बुक करें',
    with: '{{doctor}} के साथ',
    doctorUnknown: 'आपके डॉक्टर',
    number: 'अपॉइंटमेंट {{number}}',
    token: 'आज आपका टोकन: {{token}}',
    requested: 'अनुरोध भेजा गया: क्लिनिक इसकी पुष्टि करेगा।',
    video: 'वीडियो विज़िट',
    addToCalendar: 'कैलेंडर में जोड़ें',
    calendarSummary: '{{doctor}} के साथ विज़िट',
    calendarDescription: '{{clinic}} में अपॉइंटमेंट {{number}}',
  },
  clinic: {
    heading: 'क्लिनिक',
    call: '{{phone}} पर कॉल करें',
    directions: 'रास्ता देखें',
    directionsLabel: 'रास्ता देखें: {{address}} (मैप खुलेगा)',
  },
  queue: {
    heading: 'कतार में आपकी जगह',
    yourToken: 'आपका टोकन',
    nowServing: 'अभी बुलाया गया',
    nobodyYet: 'अभी शुरू नहीं हुआ',
    ahead_one: 'आपसे पहले {{count}} मरीज़',
    ahead_other: 'आपसे पहले {{count}} मरीज़',
    aheadNone: 'अगली बारी आपकी है',
    estimatedCall: 'बुलाए जाने का अनुमानित समय',
    minutes_one: 'लगभग {{count}} मिनट',
    minutes_other: 'लगभग {{count}} मिनट',
    called: 'आपकी बारी आ गई है। कृपया डॉक्टर के पास जाएँ।',
    inConsultation: 'आप डॉक्टर के पास हैं।',
    live: 'अपने आप अपडेट होता है',
    reconnecting: 'फिर से जुड़ रहा है… जानकारी थोड़ी पुरानी हो सकती है',
  },
};

import type { Translation } from '@renderer/companion/i18n/translation';
import type { common as en } from '../en/common';

/** The app's frame and the words every screen shares (Hindi). */
export const common: Translation<typeof en> = {
  appName: 'क्लिनिक',
  nav: {
    home: 'होम',
    book: 'बुक करें',
    appointments: 'विज़िट',
    records: 'रिकॉर्ड',
    inbox: 'संदेश',
    profile: 'प्रोफ़ाइल',
  },
  language: { label: 'भाषा', en: 'English (अंग्रेज़ी)', hi: 'हिन्दी' },
  offline: {
    banner: 'आप ऑफ़लाइन हैं। पिछली बार देखी गई जानकारी दिखाई जा रही है; बुकिंग और रद्द करने के लिए इंटरनेट चाहिए।',
    asOf: '{{time}} तक की जानकारी',
    needsConnection: 'इसके लिए क्लिनिक से कनेक्शन चाहिए। ऑनलाइन होने पर फिर से कोशिश करें।',
  },
  actions: {
    retry: 'फिर से कोशिश करें',
    back: 'वापस',
    close: 'बंद करें',
    cancel: 'रद्द करें',
    save: 'सहेजें',
    signOut: 'साइन आउट',
  },
  errors: {
    generic: 'कुछ गलत हो गया। कृपया फिर से कोशिश करें।',
    unreachable: 'क्लिनिक से संपर्क नहीं हो पा रहा। अपना कनेक्शन जाँचें और फिर से कोशिश करें।',
    rateLimited: 'बहुत अधिक प्रयास। कृपया {{seconds}} सेकंड रुककर फिर से कोशिश करें।',
    sessionEnded: 'आप साइन आउट हो गए। कृपया फिर से साइन इन करें।',
  },
  loading: 'लोड हो रहा है…',
};

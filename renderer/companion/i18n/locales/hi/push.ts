import type { Translation } from '@renderer/companion/i18n/translation';
import type { push as en } from '../en/push';

/** Notifications on the patient's phone (Web Push), Hindi. */
export const push: Translation<typeof en> = {
  heading: 'सूचनाएँ',
  switch: 'इस फ़ोन पर सूचनाएँ',
  explain:
    'रिमाइंडर, उसी दिन “आपकी बारी आने वाली है” और वेटिंग-लिस्ट के ऑफ़र इस फ़ोन पर दिखेंगे। आपके इनबॉक्स में हर संदेश रहेगा, और SMS पहले की तरह आते रहेंगे।',
  denied: 'इस ऐप के लिए सूचनाएँ बंद हैं। अपने फ़ोन की सेटिंग में इस साइट के लिए इन्हें चालू करें, फिर स्विच दोबारा चालू करें।',
  iosInstall:
    'iPhone और iPad पर पहले इस ऐप को होम स्क्रीन पर जोड़ें (शेयर → होम स्क्रीन पर जोड़ें), वहीं से खोलें, फिर सूचनाएँ चालू करें।',
  unsupported: 'यह ब्राउज़र क्लिनिक की सूचनाएँ नहीं दिखा सकता। आपको SMS और इनबॉक्स संदेश मिलते रहेंगे।',
  notification: { open: 'खोलें' },
};

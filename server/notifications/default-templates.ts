import type {
  MessageLanguage,
  NotificationChannel,
  NotificationKind,
} from '@shared/domain/notification.schema';

/**
 * The shipped texts, used until the admin changes one (`message_templates`). E-mail and the in-app
 * inbox share a subject and body; SMS has its own short text. None carries health details.
 */
interface KindTexts {
  subject: string;
  body: string;
  sms: string;
}

const footer = '\n\n{clinicName}\n{clinicAddress}\n{clinicPhone}';

const english: Record<NotificationKind, KindTexts> = {
  booking_confirmation: {
    subject: 'Appointment confirmed: {date} at {time}',
    body: `Dear {patientName},\n\nYour appointment {appointmentNumber} with {doctor} is confirmed for {date} at {time}.${footer}`,
    sms: '{clinicName}: appointment {appointmentNumber} with {doctor} confirmed for {date} {time}.',
  },
  booking_requested: {
    subject: 'Appointment requested: {date} at {time}',
    body: `Dear {patientName},\n\nWe have your request {appointmentNumber} for {doctor} on {date} at {time}. The clinic will confirm it.${footer}`,
    sms: '{clinicName}: request {appointmentNumber} for {doctor} on {date} {time} received; the clinic will confirm it.',
  },
  booking_confirmed: {
    subject: 'Appointment confirmed: {date} at {time}',
    body: `Dear {patientName},\n\nThe clinic has confirmed your appointment {appointmentNumber} with {doctor} on {date} at {time}.${footer}`,
    sms: '{clinicName}: appointment {appointmentNumber} with {doctor} on {date} {time} is confirmed.',
  },
  booking_declined: {
    subject: 'Appointment request declined',
    body: `Dear {patientName},\n\nYour request {appointmentNumber} for {doctor} on {date} at {time} could not be accepted: {reason}\nPlease call us to find another time.${footer}`,
    sms: '{clinicName}: request {appointmentNumber} for {date} {time} declined: {reason}. Call {clinicPhone}.',
  },
  reminder: {
    subject: 'Reminder: {doctor} on {date} at {time}',
    body: `Dear {patientName},\n\nThis is a reminder of your appointment {appointmentNumber} with {doctor} on {date} at {time}.${footer}`,
    sms: '{clinicName}: reminder, {doctor} on {date} at {time} ({appointmentNumber}).',
  },
  schedule_change: {
    subject: 'Appointment moved to {date} at {time}',
    body: `Dear {patientName},\n\nYour appointment {appointmentNumber} with {doctor} has moved from {previousDate} {previousTime} to {date} at {time}. Reason: {reason}${footer}`,
    sms: '{clinicName}: appointment {appointmentNumber} moved to {date} {time} with {doctor}.',
  },
  cancellation: {
    subject: 'Appointment cancelled',
    body: `Dear {patientName},\n\nYour appointment {appointmentNumber} with {doctor} on {date} at {time} has been cancelled by the clinic. Reason: {reason}\nPlease call us to book another time.${footer}`,
    sms: '{clinicName}: appointment {appointmentNumber} on {date} {time} cancelled: {reason}. Call {clinicPhone}.',
  },
  prescription_ready: {
    subject: 'Your prescription is ready',
    body: `Dear {patientName},\n\nYour prescription from {doctor} ({date}) is ready. You can see it in the clinic's app or collect a copy at the clinic.${footer}`,
    sms: '{clinicName}: your prescription from {doctor} is ready in the app.',
  },
  payment_receipt: {
    subject: 'Receipt {receiptNumber}',
    body: `Dear {patientName},\n\nWe received {amount} on {date} (receipt {receiptNumber}, bill {billNumber}). Thank you.${footer}`,
    sms: '{clinicName}: received {amount}, receipt {receiptNumber}.',
  },
  refund_receipt: {
    subject: 'Refund {receiptNumber}',
    body: `Dear {patientName},\n\nWe refunded {amount} on {date} (receipt {receiptNumber}, bill {billNumber}).${footer}`,
    sms: '{clinicName}: refunded {amount}, receipt {receiptNumber}.',
  },
  waitlist_offer: {
    subject: 'A time with {doctor} is free: {date} at {time}',
    body: `Dear {patientName},\n\nA time with {doctor} on {date} at {time} is held for you until {holdUntil}. Accept it in the clinic's app or call us.${footer}`,
    sms: '{clinicName}: {doctor} {date} {time} is held for you until {holdUntil}. Accept in the app or call {clinicPhone}.',
  },
  turn_near: {
    subject: 'Your turn is near: token {token}',
    body: `Dear {patientName},\n\nYour turn with {doctor} is near (token {token}): at most one patient is ahead of you. Please be near the consultation room.${footer}`,
    sms: '{clinicName}: token {token}, your turn with {doctor} is near. Please be near the room.',
  },
  activation_code: {
    subject: 'Your activation code',
    body: `Dear {patientName},\n\nYour code to activate the clinic's app is {code}. It is valid until {validUntil}. Never share it.${footer}`,
    sms: '{clinicName}: your activation code is {code} (valid until {validUntil}). Never share it.',
  },
  password_reset_code: {
    subject: 'Your password reset code',
    body: `Dear {patientName},\n\nYour code to reset your password is {code}. It is valid until {validUntil}. If you did not ask for it, ignore this message.${footer}`,
    sms: '{clinicName}: your password reset code is {code} (valid until {validUntil}).',
  },
  sign_up_unmatched: {
    subject: 'Joining the clinic’s app',
    body: `Dear {patientName},\n\nWe could not match the details you gave in the clinic’s app to our records. Please call us or ask at reception, and we will invite you to the app.${footer}`,
    sms: '{clinicName}: we could not match your details to our records. Call {clinicPhone} or ask reception to invite you to the app.',
  },
};

const hindi: Record<NotificationKind, KindTexts> = {
  booking_confirmation: {
    subject: 'अपॉइंटमेंट की पुष्टि: {date}, {time} बजे',
    body: `प्रिय {patientName},\n\n{doctor} के साथ आपका अपॉइंटमेंट {appointmentNumber} {date} को {time} बजे के लिए पक्का हो गया है।${footer}`,
    sms: '{clinicName}: {doctor} के साथ अपॉइंटमेंट {appointmentNumber} {date} {time} पक्का।',
  },
  booking_requested: {
    subject: 'अपॉइंटमेंट का अनुरोध मिला: {date}, {time} बजे',
    body: `प्रिय {patientName},\n\n{doctor} के साथ {date} को {time} बजे के लिए आपका अनुरोध {appointmentNumber} हमें मिल गया है। क्लिनिक जल्द ही इसकी पुष्टि करेगा।${footer}`,
    sms: '{clinicName}: {doctor} {date} {time} का अनुरोध {appointmentNumber} मिला, पुष्टि जल्द।',
  },
  booking_confirmed: {
    subject: 'अपॉइंटमेंट की पुष्टि: {date}, {time} बजे',
    body: `प्रिय {patientName},\n\nक्लिनिक ने {doctor} के साथ {date} को {time} बजे के आपके अपॉइंटमेंट {appointmentNumber} की पुष्टि कर दी है।${footer}`,
    sms: '{clinicName}: {doctor} के साथ {date} {time} का अपॉइंटमेंट {appointmentNumber} पक्का।',
  },
  booking_declined: {
    subject: 'अपॉइंटमेंट का अनुरोध स्वीकार नहीं हो सका',
    body: `प्रिय {patientName},\n\nक्षमा करें, {doctor} के साथ {date} को {time} बजे का आपका अनुरोध {appointmentNumber} स्वीकार नहीं हो सका: {reason}\nदूसरा समय तय करने के लिए कृपया हमें फ़ोन करें।${footer}`,
    sms: '{clinicName}: {date} {time} का अनुरोध {appointmentNumber} अस्वीकार: {reason}। फ़ोन {clinicPhone}',
  },
  reminder: {
    subject: 'अपॉइंटमेंट की याद: {doctor}, {date} को {time} बजे',
    body: `प्रिय {patientName},\n\nआपको याद दिला दें कि {doctor} के साथ आपका अपॉइंटमेंट {appointmentNumber} {date} को {time} बजे है।${footer}`,
    sms: '{clinicName}: याद रहे, {doctor} {date} {time} बजे ({appointmentNumber})।',
  },
  schedule_change: {
    subject: 'अपॉइंटमेंट का नया समय: {date}, {time} बजे',
    body: `प्रिय {patientName},\n\n{doctor} के साथ आपका अपॉइंटमेंट {appointmentNumber} {previousDate} {previousTime} से बदलकर {date} को {time} बजे कर दिया गया है। कारण: {reason}${footer}`,
    sms: '{clinicName}: अपॉइंटमेंट {appointmentNumber} अब {date} {time} बजे, {doctor} के साथ।',
  },
  cancellation: {
    subject: 'अपॉइंटमेंट रद्द',
    body: `प्रिय {patientName},\n\nक्षमा करें, {doctor} के साथ {date} को {time} बजे का आपका अपॉइंटमेंट {appointmentNumber} क्लिनिक ने रद्द कर दिया है। कारण: {reason}\nनया समय लेने के लिए कृपया हमें फ़ोन करें।${footer}`,
    sms: '{clinicName}: {date} {time} का अपॉइंटमेंट {appointmentNumber} रद्द: {reason}। फ़ोन {clinicPhone}',
  },
  prescription_ready: {
    subject: 'आपका पर्चा तैयार है',
    body: `प्रिय {patientName},\n\n{doctor} का आपका पर्चा ({date}) तैयार है। आप इसे क्लिनिक के ऐप में देख सकते हैं या क्लिनिक से इसकी प्रति ले सकते हैं।${footer}`,
    sms: '{clinicName}: {doctor} का आपका पर्चा ऐप में तैयार है।',
  },
  payment_receipt: {
    subject: 'रसीद {receiptNumber}',
    body: `प्रिय {patientName},\n\nहमें {date} को {amount} प्राप्त हुए (रसीद {receiptNumber}, बिल {billNumber})। धन्यवाद।${footer}`,
    sms: '{clinicName}: {amount} प्राप्त, रसीद {receiptNumber}। धन्यवाद।',
  },
  refund_receipt: {
    subject: 'रिफ़ंड {receiptNumber}',
    body: `प्रिय {patientName},\n\n{date} को आपको {amount} वापस किए गए (रसीद {receiptNumber}, बिल {billNumber})।${footer}`,
    sms: '{clinicName}: {amount} वापस किए गए, रसीद {receiptNumber}।',
  },
  waitlist_offer: {
    subject: '{doctor} के साथ समय खाली है: {date}, {time} बजे',
    body: `प्रिय {patientName},\n\n{doctor} के साथ {date} को {time} बजे का समय {holdUntil} तक आपके लिए रखा गया है। इसे क्लिनिक के ऐप में स्वीकार करें या हमें फ़ोन करें।${footer}`,
    sms: '{clinicName}: {doctor} {date} {time}, {holdUntil} तक आपके लिए। ऐप में स्वीकारें या फ़ोन {clinicPhone}',
  },
  turn_near: {
    subject: 'आपकी बारी आने वाली है: टोकन {token}',
    body: `प्रिय {patientName},\n\n{doctor} के यहाँ आपकी बारी आने वाली है (टोकन {token}): आपसे पहले अधिक से अधिक एक मरीज़ है। कृपया परामर्श कक्ष के पास रहें।${footer}`,
    sms: '{clinicName}: टोकन {token}, {doctor} के यहाँ आपकी बारी आने वाली है। कृपया कक्ष के पास रहें।',
  },
  activation_code: {
    subject: 'आपका ऐक्टिवेशन कोड',
    body: `प्रिय {patientName},\n\nक्लिनिक का ऐप चालू करने के लिए आपका कोड {code} है। यह {validUntil} तक मान्य है। इसे किसी को न बताएँ।${footer}`,
    sms: '{clinicName}: ऐक्टिवेशन कोड {code} ({validUntil} तक)। किसी को न बताएँ।',
  },
  password_reset_code: {
    subject: 'पासवर्ड बदलने का कोड',
    body: `प्रिय {patientName},\n\nआपका पासवर्ड बदलने का कोड {code} है। यह {validUntil} तक मान्य है। अगर आपने यह नहीं माँगा था, तो इस संदेश को अनदेखा करें।${footer}`,
    sms: '{clinicName}: पासवर्ड बदलने का कोड {code} ({validUntil} तक)। किसी को न बताएँ।',
  },
  sign_up_unmatched: {
    subject: 'क्लिनिक के ऐप से जुड़ना',
    body: `प्रिय {patientName},\n\nक्लिनिक के ऐप में दी गई आपकी जानकारी हमारे रिकॉर्ड से मेल नहीं खा सकी। कृपया हमें फ़ोन करें या रिसेप्शन पर पूछें, हम आपको ऐप पर आमंत्रित करेंगे।${footer}`,
    sms: '{clinicName}: आपकी जानकारी रिकॉर्ड से मेल नहीं खाई। ऐप के आमंत्रण के लिए फ़ोन {clinicPhone} करें या रिसेप्शन पर पूछें।',
  },
};

export const defaultTexts: Record<MessageLanguage, Record<NotificationKind, KindTexts>> = {
  en: english,
  hi: hindi,
};

export function defaultTemplate(
  kind: NotificationKind,
  channel: NotificationChannel,
  language: MessageLanguage,
): { subject: string; body: string } {
  const texts = defaultTexts[language][kind];
  return channel === 'sms' ? { subject: '', body: texts.sms } : { subject: texts.subject, body: texts.body };
}

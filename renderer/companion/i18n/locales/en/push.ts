/** Notifications on the patient's phone (Web Push), English. */
export const push = {
  heading: 'Notifications',
  switch: 'Notifications on this phone',
  explain:
    'Reminders, “your turn is near” on the day and waiting-list offers appear on this phone. Your inbox keeps every message, and SMS still comes as before.',
  denied:
    'Notifications are blocked for this app. Allow them in your phone’s settings for this site, then turn the switch on again.',
  iosInstall:
    'On iPhone and iPad, first add this app to your Home Screen (Share → Add to Home Screen), open it from there, then turn notifications on.',
  unsupported:
    'This browser cannot show notifications from the clinic. You will still get SMS and inbox messages.',
  notification: { open: 'Open' },
};

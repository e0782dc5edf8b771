/** The patient's profile (English). */
export const profile = {
  title: 'My profile',
  about: {
    heading: 'About me',
    name: 'Name',
    code: 'Patient code',
    dateOfBirth: 'Date of birth',
    unknown: 'Not recorded',
    staffOnly: 'To correct these, please ask the clinic’s reception.',
  },
  contact: {
    heading: 'How the clinic reaches me',
    phone: 'Mobile number',
    phoneHint: 'You sign in and get codes with this number.',
    email: 'E-mail',
    address: 'Address',
    emergency: 'Emergency contact',
    emergencyName: 'Their name',
    emergencyRelationship: 'Relationship',
    emergencyPhone: 'Their phone number',
    save: 'Save my details',
    saved: 'Your details are saved.',
  },
  language: {
    heading: 'Language',
    hint: 'The app and the clinic’s messages to you use this language.',
    saved: 'Language saved.',
  },
  channels: {
    heading: 'Messages from the clinic',
    hint: 'Reminders and updates always appear in the app’s inbox. Also send them:',
    sms: 'By SMS',
    email: 'By e-mail',
    emailNeedsAddress: 'Add an e-mail address above to get e-mails.',
    attachments: 'Attach prescriptions and receipts (PDF) to e-mails',
    save: 'Save message choices',
    saved: 'Your message choices are saved.',
  },
  invalid: {
    phone: 'Enter a mobile number, digits only (a + in front is fine). It cannot be empty.',
    email: 'Enter an e-mail address like name@example.com, or leave it empty.',
    address: 'The address is too long (500 characters at most).',
    emergencyName: 'Enter their name, or leave all three emergency fields empty.',
    emergencyPhone: 'Enter their phone number, or leave all three emergency fields empty.',
    emergencyRelationship: 'Keep the relationship short (60 characters at most).',
  },
  errors: {
    offline:
      'No connection to the clinic: nothing was saved. Your changes are kept here; try again when you are online.',
    rateLimited: 'Too many tries. Please wait {{count}} seconds and try again.',
    checkFields: 'Please check the details marked below.',
    generic: 'The clinic could not save this. Please try again in a minute, or tell the reception.',
    languageNotSaved:
      'The app now shows this language, but the clinic could not be told yet: its messages may come in the old language. Choose it again when you are online.',
  },
  signOut: {
    heading: 'This phone',
    hint: 'Signing out removes your details from this phone.',
  },
} as const;

/** Welcome, sign-up, activation, sign-in and password reset (English). */
export const auth = {
  welcome: {
    title: 'Welcome',
    intro: 'See your appointments, book a visit and read what the doctor wrote, on your phone.',
    chooseLanguage: 'Choose your language',
    chooseLanguageHint: 'You can change it later in your profile.',
    signIn: 'Sign in',
    createAccount: 'Create an account',
    registered: 'Registered at the clinic already?',
    activate: 'Set up my app account with a code',
    callClinic: 'Call the clinic: {{phone}}',
    changeLanguage: 'Language',
  },
  fields: {
    fullName: { label: 'Full name', invalid: 'Enter your full name as the clinic knows it.' },
    phone: {
      label: 'Mobile number',
      hint: 'The codes come to this number by SMS.',
      invalid: 'Enter your mobile number, digits only (a + in front is fine).',
    },
    dateOfBirth: { label: 'Date of birth', invalid: 'Enter your date of birth.' },
    email: {
      label: 'E-mail (optional)',
      invalid: 'Enter an e-mail address like name@example.com, or leave it empty.',
    },
    login: {
      label: 'Mobile number or patient code',
      invalid: 'Enter your mobile number or your patient code (from your clinic card).',
    },
    password: { label: 'Password', invalid: 'Enter your password.' },
    newPassword: {
      label: 'New password',
      hint: 'At least 10 characters.',
      invalid: 'Choose a password of at least 10 characters.',
    },
    code: {
      label: '6-digit code from the SMS',
      invalid: 'Enter the 6 digits from the SMS.',
      wrong: 'This code is not right or has expired. Check the SMS, or ask for a new code below.',
    },
  },
  signUp: {
    title: 'Create an account',
    intro: 'Give the details the clinic has for you. We send a code by SMS to finish.',
    submit: 'Send me a code',
    haveAccount: 'Already have an account? Sign in',
  },
  activate: {
    title: 'Enter your code',
    sent: 'If the details match the clinic’s records, we sent a 6-digit code by SMS to {{phone}}. It can take a minute.',
    intro: 'Enter the code from the SMS and choose a password for the app.',
    noCode: 'No code yet?',
    sendCode: 'Send me a code',
    sendNewCode: 'Send a new code',
    codeSent: 'If the number is registered with the clinic, a new code is on its way by SMS.',
    submit: 'Activate and sign in',
  },
  signIn: {
    title: 'Sign in',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    noAccount: 'New here? Create an account',
    activate: 'Have a code? Set up my account',
  },
  forgot: {
    title: 'Forgot your password',
    intro: 'We send a code by SMS to the mobile number the clinic has for you.',
    sendCode: 'Send me a code',
    sent: 'If the number or code is registered with the clinic, we sent a 6-digit code by SMS. It can take a minute.',
    submit: 'Set the new password and sign in',
    back: 'Back to sign in',
  },
  errors: {
    offline: 'No connection to the clinic. Check your internet and try again: what you typed is kept.',
    rateLimitedSeconds: 'Too many tries. Please wait {{count}} seconds and try again.',
    rateLimitedMinutes: 'Too many tries. Please wait {{count}} minutes and try again.',
    wrongPassword:
      'The number (or patient code) and password do not match. Check them, or use “Forgot your password?”.',
    disabled: 'Your app account is switched off. Please call the clinic.',
    checkFields: 'Please check the details marked below.',
    generic: 'Something went wrong at the clinic. Please try again in a minute, or call the clinic.',
  },
} as const;

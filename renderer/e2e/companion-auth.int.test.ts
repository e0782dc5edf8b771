import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { settle } from '@renderer/testing/browser';
import { companionTest, gatewayCall, phonePatient } from '@renderer/testing/companion-phone';
import type { DemoHub } from '@renderer/testing/demo-hub';
import { textedCode } from '@renderer/testing/patient-app-steps';

/**
 * The companion's signed-out screens and profile at a phone's size (360×800), against a demo hub
 * whose gateway serves the built app: the SMS codes are read from the hub's outbox as reception
 * would see them.
 */
interface World {
  hub: DemoHub;
  browser: Browser;
  appUrl: string;
}
let world: World;
const contexts: BrowserContext[] = [];
const it = companionTest.extend('world', { scope: 'file' }, ({ hub, browser, appUrl }, { onCleanup }) => {
  world = { hub, browser, appUrl };
  onCleanup(async () => {
    for (const context of contexts) await context.close();
  });
  return world;
});
const app = {
  get url() {
    return world.appUrl;
  },
};

/** A new phone: no session, no language chosen yet. */
async function phone(language?: 'en' | 'hi'): Promise<Page> {
  const context = await world.browser.newContext({
    viewport: { width: 360, height: 800 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-IN',
  });
  contexts.push(context);
  if (language)
    await context.addInitScript(`localStorage.setItem('clinic.companion.language', '${language}')`);
  const page = await context.newPage();
  await page.goto(app.url);
  return page;
}

async function expectAccessible(page: Page, screen: string) {
  await settle(page);
  const problems = await axeScan(page);
  expect(problems, `${screen}: ${JSON.stringify(problems, null, 1)}`).toEqual([]);
}

const code = (phoneNumber: string, kind?: 'password_reset_code') =>
  textedCode(world.hub.dataDir, phoneNumber.replace(/\D/g, '').slice(-10), kind).code;

/** Signed in: the app's frame with its bottom bar, at the path given. */
async function expectSignedInAt(page: Page, path: string) {
  await page.getByRole('link', { name: 'Profile' }).waitFor();
  expect(new URL(page.url()).pathname).toBe(path);
}

async function signIn(page: Page, login: string, password: string) {
  await page.getByLabel('Mobile number or patient code').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('the companion’s sign-up, sign-in and profile on a phone', () => {
  it('asks the language first at the very first start, then greets in Hindi', async ({ world: _ }) => {
    const page = await phone();
    await page.getByRole('heading', { name: /Choose your language · अपनी भाषा चुनें/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/welcome');
    await page.getByText('Sunrise Family Clinic').waitFor();
    await expectAccessible(page, 'language question');
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await page.getByRole('heading', { name: 'स्वागत है' }).waitFor();
    await page.getByRole('link', { name: 'साइन इन करें' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
    await expectAccessible(page, 'welcome (hi)');
    await page.screenshot({ path: '/tmp/companion-auth-welcome-hi.png' });
    await page.getByRole('link', { name: 'नया खाता बनाएँ' }).click();
    await page.getByRole('heading', { name: 'नया खाता बनाएँ' }).waitFor();
    await page.screenshot({ path: '/tmp/companion-auth-sign-up-hi.png' });
    // At 200 % text size the form still fits the phone's width (no sideways scrolling).
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    await page.getByRole('button', { name: 'मुझे कोड भेजें' }).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/companion-auth-sign-up-hi-200.png' });
    // The choice is kept: a restart does not ask again.
    await page.goto(`${app.url}/welcome`);
    await page.getByRole('heading', { name: 'स्वागत है' }).waitFor();
  });

  it('signs up, shows a wrong code on the code field, activates with the SMS code, signs out and in', async ({
    world: _,
  }) => {
    const number = '+91 98450 12345';
    const page = await phone('en');
    await page.getByRole('heading', { name: 'Welcome' }).waitFor();
    await expectAccessible(page, 'welcome');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    // Checked on the phone before anything is sent: named on the field.
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByText('Enter your full name as the clinic knows it.').waitFor();
    await expectAccessible(page, 'sign-up with errors');
    await page.getByLabel('Full name').fill('Meera Iyer');
    await page.getByLabel('Mobile number').fill(number);
    await page.getByLabel('Date of birth').fill('1985-06-15');
    await page.getByRole('button', { name: 'Send me a code' }).click();

    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await page
      .getByText(/If the details match the clinic’s records, we sent a 6-digit code by SMS/)
      .waitFor();
    await expectAccessible(page, 'activate');
    const right = code(number);
    const codeField = page.getByLabel('6-digit code from the SMS');
    await codeField.fill(right === '000000' ? '111111' : '000000');
    await page.getByLabel('New password').fill('my own app password');
    await page.getByRole('button', { name: 'Activate and sign in' }).click();
    await page.getByText('This code is not right or has expired.', { exact: false }).waitFor();
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'activate with a wrong code');

    await codeField.fill(right);
    await page.getByRole('button', { name: 'Activate and sign in' }).click();
    await expectSignedInAt(page, '/');

    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
    await page.getByText('Meera Iyer').waitFor();
    await expectAccessible(page, 'profile');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Welcome' }).waitFor();

    // Back for the profile: a wrong password says what to do, the right one returns to it.
    await page.goto(`${app.url}/profile`);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, number, 'not my password');
    await page
      .getByRole('alert')
      .getByText(/do not match/)
      .waitFor();
    await expectAccessible(page, 'sign-in refused');
    await page.getByLabel('Password', { exact: true }).fill('my own app password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectSignedInAt(page, '/profile');
  });

  it('resets a forgotten password with the SMS code, then signs in with the new one', async ({
    world: _,
  }) => {
    const number = '+91 98450 67890';
    const page = await phone('en');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Full name').fill('Arjun Nair');
    await page.getByLabel('Mobile number').fill(number);
    await page.getByLabel('Date of birth').fill('1990-01-20');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    // The hub has answered (and written the SMS) once the app asks for the code.
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await page.getByLabel('6-digit code from the SMS').fill(code(number));
    await page.getByLabel('New password').fill('first password 1');
    await page.getByRole('button', { name: 'Activate and sign in' }).click();
    await expectSignedInAt(page, '/');
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password' }).waitFor();
    await expectAccessible(page, 'forgot password');
    await page.getByLabel('Mobile number or patient code').fill(number);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByText(/we sent a 6-digit code by SMS/).waitFor();
    await expectAccessible(page, 'reset with code');
    await page.getByLabel('6-digit code from the SMS').fill(code(number, 'password_reset_code'));
    await page.getByLabel('New password').fill('second password 2');
    await page.getByRole('button', { name: 'Set the new password and sign in' }).click();
    await expectSignedInAt(page, '/');

    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, number, 'second password 2');
    await expectSignedInAt(page, '/');
  });

  it('changes the language, contact and message channels in the profile, and names a refused field', async ({
    world: _,
  }) => {
    const me = await phonePatient(world.hub, 'Kavya Rao', '+91 98450 24680');
    const page = await phone('en');
    await page.evaluate(
      (session) => localStorage.setItem('clinic.companion.session', JSON.stringify(session)),
      { token: me.token, patientId: me.patientId },
    );
    await page.goto(`${app.url}/profile`);
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
    const saved = async () =>
      (
        await gatewayCall<{
          preferredLanguage: string;
          messageOptOuts: string[];
          emergencyContact: unknown;
        }>(app.url, 'GET', '/profile', { token: me.token })
      ).body;

    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await page.getByRole('heading', { name: 'मेरी प्रोफ़ाइल' }).waitFor();
    await page.getByText('भाषा सहेज ली गई।').waitFor();
    expect((await saved()).preferredLanguage).toBe('hi');
    await expectAccessible(page, 'profile (hi)');
    await page.screenshot({ path: '/tmp/companion-auth-profile-hi.png', fullPage: true });

    // Half an emergency contact: the clinic refuses it, named on the phone field.
    await page.getByLabel('उनका नाम').fill('Ravi Rao');
    await page.getByRole('button', { name: 'मेरी जानकारी सहेजें' }).click();
    const theirPhone = page.getByLabel('उनका फ़ोन नंबर');
    await page.getByText('उनका फ़ोन नंबर लिखें', { exact: false }).waitFor();
    expect(await theirPhone.getAttribute('aria-invalid')).toBe('true');
    await theirPhone.fill('+91 98450 13579');
    await page.getByRole('button', { name: 'मेरी जानकारी सहेजें' }).click();
    await page.getByText('आपकी जानकारी सहेज ली गई है।').waitFor();
    expect((await saved()).emergencyContact).toMatchObject({ name: 'Ravi Rao', phone: '+91 98450 13579' });

    await page.getByText('SMS से', { exact: true }).click();
    await page.getByRole('button', { name: 'संदेश की पसंद सहेजें' }).click();
    await page.getByText('संदेश की आपकी पसंद सहेज ली गई है।').waitFor();
    expect((await saved()).messageOptOuts).toEqual(['sms']);
  });
});

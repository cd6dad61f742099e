/** Settings that `npm run package` accepts (invented ids). */
export const PACKAGE_ENV = {
  MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
  TEAMS_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  PUBLIC_URL: 'https://dsg-bot.council.example',
};

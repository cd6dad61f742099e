/**
 * The actions a Microsoft 365 Agents Toolkit project file (m365agents.yml) may name, with the `with` parameters
 * each requires and accepts. Source: the toolkit's own YAML schema, OfficeDev/teams-toolkit,
 * packages/fx-core/resource/yaml-schema/v1.8/yaml.schema.json (commit ba1c51a2449c0da1ed6b3de6ae8e52b7d763e2e8),
 * its `lifeCycleArray` list of action definitions and each one's `uses` const and `with` properties.
 * Update it from a newer schema when the toolkit adds actions; the test refuses any action not listed here.
 */
export interface KnownAction {
  required: readonly string[];
  /** Every parameter the action accepts (the schema sets additionalProperties: false). */
  accepted: readonly string[];
  /** Names the action must be given in writeToEnvironmentFile, if it writes any. */
  writes?: readonly string[];
}

export const AGENTS_TOOLKIT_ACTIONS: Readonly<Record<string, KnownAction>> = {
  'aadApp/create': { required: ['name', 'generateClientSecret', 'signInAudience'], accepted: ['name', 'generateClientSecret', 'signInAudience', 'serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription'], writes: ['clientId', 'objectId'] },
  'aadApp/update': { required: ['manifestPath', 'outputFilePath'], accepted: ['manifestPath', 'outputFilePath'] },
  'arm/deploy': { required: ['subscriptionId', 'resourceGroupName', 'templates'], accepted: ['subscriptionId', 'resourceGroupName', 'templates', 'bicepCliVersion'] },
  'azureStorage/enableStaticWebsite': { required: ['storageResourceId'], accepted: ['storageResourceId', 'indexPage', 'errorPage'] },
  'cli/runNpmCommand': { required: ['args'], accepted: ['args', 'workingDirectory'] },
  'cli/runDotnetCommand': { required: ['args'], accepted: ['args', 'workingDirectory', 'execPath'] },
  'cli/runNpxCommand': { required: ['args'], accepted: ['args', 'workingDirectory'] },
  'azureStorage/deploy': { required: ['artifactFolder', 'resourceId'], accepted: ['artifactFolder', 'resourceId', 'workingDirectory', 'ignoreFile'] },
  'azureAppService/zipDeploy': { required: ['artifactFolder', 'resourceId'], accepted: ['artifactFolder', 'resourceId', 'workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'] },
  'azureFunctions/zipDeploy': { required: ['artifactFolder', 'resourceId'], accepted: ['artifactFolder', 'resourceId', 'workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'] },
  'teamsApp/create': { required: ['name'], accepted: ['name'], writes: ['teamsAppId'] },
  'teamsApp/validateManifest': { required: ['manifestPath'], accepted: ['manifestPath'] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'], accepted: ['appPackagePath'] },
  'teamsApp/validateWithTestCases': { required: ['appPackagePath'], accepted: ['appPackagePath', 'showMessage', 'showProgressBar'] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'], accepted: ['manifestPath', 'outputZipPath', 'outputFolder'] },
  'teamsApp/update': { required: ['appPackagePath'], accepted: ['appPackagePath'] },
  'teamsApp/publishAppPackage': { required: ['appPackagePath'], accepted: ['appPackagePath'], writes: ['publishedAppId'] },
  'botAadApp/create': { required: ['name'], accepted: ['name'], writes: ['botId', 'botPassword'] },
  'botFramework/create': { required: ['botId', 'name', 'messagingEndpoint'], accepted: ['botId', 'name', 'messagingEndpoint', 'description', 'iconUrl', 'channels'] },
  'file/createOrUpdateEnvironmentFile': { required: ['envs', 'target'], accepted: ['envs', 'target'] },
  'file/createOrUpdateJsonFile': { required: ['target'], accepted: ['appsettings', 'target', 'content'] },
  'devTool/install': { required: [], accepted: ['devCert', 'func', 'dotnet', 'testTool'] },
  'teamsApp/extendToM365': { required: ['appPackagePath'], accepted: ['appPackagePath'], writes: ['titleId', 'appId'] },
  'spfx/deploy': { required: ['packageSolutionPath'], accepted: ['createAppCatalogIfNotExist', 'packageSolutionPath'] },
  'teamsApp/copyAppPackageToSPFx': { required: ['appPackagePath', 'spfxFolder'], accepted: ['appPackagePath', 'spfxFolder'] },
  script: { required: ['run'], accepted: ['run', 'workingDirectory', 'shell', 'timeout', 'redirectTo'] },
  'apiKey/register': { required: ['name', 'appId', 'apiSpecPath'], accepted: ['name', 'appId', 'primaryClientSecret', 'secondaryClientSecret', 'apiSpecPath', 'applicableToApps', 'targetAudience'], writes: ['registrationId'] },
  'azureStaticWebApps/getDeploymentToken': { required: ['resourceId'], accepted: ['resourceId'], writes: ['deploymentToken'] },
  'apiKey/update': { required: ['name', 'appId', 'apiSpecPath', 'registrationId'], accepted: ['name', 'appId', 'apiSpecPath', 'registrationId', 'applicableToApps', 'targetAudience'] },
  'oauth/register': { required: ['name', 'appId', 'apiSpecPath', 'flow'], accepted: ['name', 'appId', 'apiSpecPath', 'applicableToApps', 'targetAudience', 'flow', 'clientId', 'clientSecret', 'refreshUrl', 'isPKCEEnabled', 'identityProvider'], writes: ['configurationId'] },
  'oauth/update': { required: ['name', 'appId', 'apiSpecPath', 'configurationId'], accepted: ['name', 'appId', 'apiSpecPath', 'configurationId', 'applicableToApps', 'targetAudience', 'isPKCEEnabled', 'clientId', 'clientSecret'] },
};

/** Keys every action may carry besides `uses`, `with` and `writeToEnvironmentFile`. */
export const ACTION_KEYS = ['uses', 'name', 'env', 'with', 'writeToEnvironmentFile'] as const;

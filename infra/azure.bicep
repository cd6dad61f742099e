// dsg-bot on Azure: what `atk provision` (m365agents.yml, arm/deploy) creates in the resource group.
// - a user-assigned managed identity: the bot's identity (MicrosoftAppType=UserAssignedMSI, no password to rotate);
// - an App Service plan and a Linux web app on Node 20 (HTTPS only, always on, health check on /readyz);
// - an Azure Bot registered to that identity, with its Microsoft Teams channel;
// - Azure Database for PostgreSQL Flexible Server with the bot's database, reached through DATABASE_URL.
// The outputs are written back to env/.env.<environment> by the toolkit (BOT_ID, BOT_DOMAIN, ...).

@minLength(4)
@maxLength(20)
@description('Lowercase letters and digits; every resource name starts with it.')
param resourceBaseName string

@description('Azure region of the web app and the database (the bot registration itself is global).')
param location string = resourceGroup().location

@description('App Service plan size: B1 or larger (always on needs a Basic plan or above).')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string = 'DSG Bot'

@description('Comma-separated object ids of the DSG administrators (DSG_ADMIN_AAD_IDS).')
param dsgAdminAadIds string = ''

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'dsgadmin'

@secure()
@minLength(16)
@description('PostgreSQL administrator password (SECRET_POSTGRES_ADMIN_PASSWORD in env/.env.<environment>.user).')
param postgresAdminPassword string

@secure()
@minLength(32)
@description('Signs report and subject-access download links (REPORT_LINK_SECRET); the managed identity has no password to derive one from.')
param reportLinkSecret string

param postgresSkuName string = 'Standard_B1ms'
param postgresSkuTier string = 'Burstable'
param postgresVersion string = '16'

var databaseName = 'dsg'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: '${resourceBaseName}-pg'
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = {
  parent: postgres
  name: databaseName
}

// 0.0.0.0 to 0.0.0.0 is Azure's rule for "Azure services" (the web app's outbound addresses); nothing else gets in.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appCommandLine: 'node --disable-warning=DEP0111 --max-old-space-size=192 dist/main.js'
      appSettings: [
        // App Service installs the packages and builds on Linux after each zip deploy (README explains why).
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'ALLOWED_TENANT_IDS', value: identity.properties.tenantId }
        { name: 'DSG_ADMIN_AAD_IDS', value: dsgAdminAadIds }
        { name: 'PUBLIC_URL', value: 'https://${resourceBaseName}.azurewebsites.net' }
        { name: 'REPORT_LINK_SECRET', value: reportLinkSecret }
        {
          name: 'DATABASE_URL'
          value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'
        }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written back to env/.env.<environment> by the toolkit (the names, upper-cased, are the variables).
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output MANAGED_IDENTITY_RESOURCE_ID string = identity.id
output POSTGRES_SERVER_FQDN string = postgres.properties.fullyQualifiedDomainName

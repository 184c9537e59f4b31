// Everything inside the environment's resource group. Names carry a token derived from the group so redeploys are stable.
param environmentName string
param location string
param tags object
param principalId string

@secure()
param postgresAdminPassword string

@secure()
param siloPassword string

param siloImageName string
param apiImageName string

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var placeholderImage = 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'
var siloAppName = 'silo'
var respPort = 6379
var httpPort = 8080
var postgresAdmin = 'orleansstreams'
var postgresDatabase = 'orleansstreams'
// Role definition ids: AcrPull, AcrPush.
var acrPullRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')
var acrPushRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8311e382-0749-4cb8-b61a-304f252e45ec')

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${token}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'cr${token}'
  location: location
  tags: tags
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: false }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${token}'
  location: location
  tags: tags
}

resource identityPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPullRole)
  scope: registry
  properties: {
    roleDefinitionId: acrPullRole
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource userPush 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(registry.id, principalId, acrPushRole)
  scope: registry
  properties: {
    roleDefinitionId: acrPushRole
    principalId: principalId
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'psql-${token}'
  location: location
  tags: tags
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdmin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
  }
}

resource postgresDb 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: postgresDatabase
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0-0.0.0.0 is Azure's "allow Azure services": the Container Apps environment's outbound addresses are not fixed.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// The managed OpenTelemetry agent: it injects OTEL_EXPORTER_OTLP_ENDPOINT into every app, and ServiceDefaults
// exports OTLP exactly when that variable is set. Traces and logs go on to Application Insights (Azure Monitor).
resource environment 'Microsoft.App/managedEnvironments@2024-10-02-preview' = {
  name: 'cae-${token}'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
    appInsightsConfiguration: {
      connectionString: insights.properties.ConnectionString
    }
    openTelemetryConfiguration: {
      tracesConfiguration: { destinations: [ 'appInsights' ] }
      logsConfiguration: { destinations: [ 'appInsights' ] }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
  }
}

var postgresConnection = 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${postgresDatabase};Username=${postgresAdmin};Password=${postgresAdminPassword};SSL Mode=VerifyFull'
var siloReady = !empty(siloImageName)
var apiReady = !empty(apiImageName)

// The silo: exactly one replica (one activation of each grain), RESP on internal TCP ingress (reached as silo:6379
// inside the environment only), health on 8080 for the probes, journals in PostgreSQL.
resource silo 'Microsoft.App/containerApps@2024-03-01' = {
  name: siloAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'silo' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [ identityPull, postgresDb, postgresFromAzure ]
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: false
        transport: 'tcp'
        targetPort: respPort
        exposedPort: respPort
        additionalPortMappings: [
          {
            external: false
            targetPort: httpPort
            exposedPort: httpPort
          }
        ]
      }
      registries: [
        {
          server: registry.properties.loginServer
          identity: identity.id
        }
      ]
      secrets: [
        { name: 'postgres-connection', value: postgresConnection }
        { name: 'silo-password', value: siloPassword }
      ]
    }
    template: {
      // Above the silo's measured shutdown (drain, flush the journal); ACA's default is 30 s, then SIGKILL.
      terminationGracePeriodSeconds: 60
      containers: [
        {
          name: 'silo'
          image: siloReady ? siloImageName : placeholderImage
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          args: siloReady ? [ '--bind', '0.0.0.0', '--port', '${respPort}', '--http-port', '${httpPort}', '--storage', 'postgres' ] : []
          env: siloReady ? [
            // Configuration keys of the silo (SiloOptions) read from the environment: values from the secret store.
            { name: 'postgres', secretRef: 'postgres-connection' }
            { name: 'requirepass', secretRef: 'silo-password' }
            { name: 'OTEL_SERVICE_NAME', value: 'silo' }
          ] : []
          probes: siloReady ? [
            {
              type: 'Startup'
              httpGet: { path: '/alive', port: httpPort }
              periodSeconds: 2
              failureThreshold: 60
            }
            {
              type: 'Readiness'
              httpGet: { path: '/health', port: httpPort }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Liveness'
              httpGet: { path: '/alive', port: httpPort }
              periodSeconds: 10
              failureThreshold: 3
            }
          ] : []
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: 1
      }
    }
  }
}

// The API: the only public endpoint. It reaches the silo by its app name inside the environment.
resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'api'
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [ identityPull ]
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        transport: 'http'
        targetPort: apiReady ? httpPort : 80
        allowInsecure: false
      }
      registries: [
        {
          server: registry.properties.loginServer
          identity: identity.id
        }
      ]
      secrets: [
        { name: 'silo-password', value: siloPassword }
      ]
    }
    template: {
      containers: [
        {
          name: 'api'
          image: apiReady ? apiImageName : placeholderImage
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          args: apiReady ? [ '--bind', '0.0.0.0', '--port', '${httpPort}', '--silo-host', silo.name, '--silo-port', '${respPort}' ] : []
          env: apiReady ? [
            { name: 'silo-password', secretRef: 'silo-password' }
            { name: 'OTEL_SERVICE_NAME', value: 'api' }
            { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' }
          ] : []
          probes: apiReady ? [
            {
              type: 'Readiness'
              httpGet: { path: '/health', port: httpPort }
              periodSeconds: 10
            }
            {
              type: 'Liveness'
              httpGet: { path: '/alive', port: httpPort }
              periodSeconds: 10
            }
          ] : []
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: 3
      }
    }
  }
}

output registryLoginServer string = registry.properties.loginServer
output registryName string = registry.name
output environmentName string = environment.name
output apiUrl string = 'https://${api.properties.configuration.ingress.fqdn}'
output siloRespAddress string = '${silo.name}:${respPort}'
output postgresHost string = postgres.properties.fullyQualifiedDomainName

// OrleansStreams on Azure Container Apps: the silo (RESP on internal TCP ingress, PostgreSQL journal store) and the
// API (the only public ingress). azd provisions this, then deploys the two images it builds with the .NET SDK.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource.')
param location string

@description('Signed-in user, given registry push rights for local azd deploys (optional).')
param principalId string = ''

@secure()
@minLength(12)
@description('Administrator password of the PostgreSQL flexible server (azd prompts for it and keeps it in the environment).')
param postgresAdminPassword string

@secure()
@minLength(16)
@description('The silo\'s requirepass; the API authenticates with it. RESP never leaves the environment, this is defence in depth.')
param siloPassword string

@description('Image azd last deployed for the silo; empty on the first provision (a placeholder runs until azd deploy).')
param siloImageName string = ''

@description('Image azd last deployed for the API; empty on the first provision.')
param apiImageName string = ''

var tags = { 'azd-env-name': environmentName }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'orleansstreams-resources'
  scope: group
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    principalId: principalId
    postgresAdminPassword: postgresAdminPassword
    siloPassword: siloPassword
    siloImageName: siloImageName
    apiImageName: apiImageName
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = resources.outputs.registryLoginServer
output AZURE_CONTAINER_REGISTRY_NAME string = resources.outputs.registryName
output AZURE_CONTAINER_ENVIRONMENT_NAME string = resources.outputs.environmentName
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = resources.outputs.environmentName
output API_URL string = resources.outputs.apiUrl
output SILO_RESP_ADDRESS string = resources.outputs.siloRespAddress
output POSTGRES_HOST string = resources.outputs.postgresHost

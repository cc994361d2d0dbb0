/** The page of an external application (its credentials and the token tester). */
export function applicationHref(connectionId: string, clientId: string): string {
  return `/federated-credentials/${connectionId}/${encodeURIComponent(clientId)}`;
}

/** The page of one federated credential. */
export function credentialHref(connectionId: string, clientId: string, credentialId: string): string {
  return `${applicationHref(connectionId, clientId)}/${encodeURIComponent(credentialId)}`;
}

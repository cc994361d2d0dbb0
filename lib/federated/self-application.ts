// Client-safe: the words of the self-application guard, shared by the form and the server.
//
// The application a UiPath connection authenticates with holds Trustdeck's own admin scopes
// (PM.AuthSetting, PM.OAuthApp). A federated credential on it lets anyone who can get a token
// from that issuer with that subject mint access tokens with those scopes, without the secret.

/** The warning the form shows before the save can be confirmed. */
export const SELF_APPLICATION_WARNING =
  "This is the application Trustdeck itself connects to UiPath with. A federated credential here lets any token from this issuer with this subject get Trustdeck's own admin rights at UiPath — change SAML certificates and manage every external application and its credentials — without the client secret.";

/** The checkbox that acknowledges it. */
export const SELF_APPLICATION_ACKNOWLEDGEMENT =
  "I understand that tokens matching this credential get Trustdeck's admin rights at UiPath.";

/** The server's refusal of a save on that application without the acknowledgement. */
export const SELF_APPLICATION_REFUSAL =
  "This application is the one Trustdeck connects with: saving a credential on it needs the explicit acknowledgement that matching tokens get Trustdeck's admin rights at UiPath.";

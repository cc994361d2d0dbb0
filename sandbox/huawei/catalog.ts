import { demoIds as ids } from "../seed/demo-ids";

/** An IdP certificate to seed. */
export interface IdpCertPlan {
  subject: string;
  validityDays: number;
  expiresInDays: number;
}

/** An external IdP to seed. */
export interface IdpPlan {
  id: string;
  enabled: boolean;
  entityId: string;
  loginUrl: string;
  certificates: IdpCertPlan[];
}

/** An identity store to seed. */
export interface StorePlan {
  id: string;
  instanceId: string;
  region: string;
  domain: keyof typeof HUAWEI_DOMAINS;
  spCertificates: Array<{ expiresInDays: number; active: boolean }>;
  idps: IdpPlan[];
}

/** Account (domain) IDs. */
export const HUAWEI_DOMAINS = {
  acme: ids.hex("huawei/domain/acme", 32),
  globex: ids.hex("huawei/domain/globex", 32),
} as const;

const ak = (label: string) => ids.text(`huawei/ak/${label}`, 20);
const sk = (label: string) => ids.secret(`huawei/sk/${label}`, 40);

/** AK/SK credentials by purpose. */
export const HUAWEI_CREDENTIALS = {
  acmeManagement: {
    accessKey: ak("acme-mgmt"),
    secretKey: sk("acme-mgmt"),
    domain: "acme",
    role: "management",
  },
  acmeMember: { accessKey: ak("acme-member"), secretKey: sk("acme-member"), domain: "acme", role: "member" },
  /** Temporary credentials: valid 24 h from seeding, with a security token. */
  acmeTemporary: {
    accessKey: ak("acme-temp"),
    secretKey: sk("acme-temp"),
    domain: "acme",
    role: "management",
    securityToken: ids.secret("huawei/token/acme-temp", 480),
    hoursValid: 24,
  },
  globexDelegated: {
    accessKey: ak("globex-admin"),
    secretKey: sk("globex-admin"),
    domain: "globex",
    role: "delegated_admin",
  },
} as const;

const store = (label: string) => `d-${ids.hex(`huawei/store/${label}`, 10)}`;
const idp = (label: string) => ids.uuid(`huawei/idp/${label}`);

/** The demo identity stores. */
export const HUAWEI_STORES = {
  acmeSingapore: {
    id: store("acme-sg"),
    instanceId: `ins-${ids.hex("huawei/instance/acme-sg", 16)}`,
    region: "ap-southeast-1",
    domain: "acme",
    spCertificates: [
      { expiresInDays: 20, active: true },
      { expiresInDays: 3640, active: false },
      { expiresInDays: -15, active: false },
    ],
    idps: [
      {
        id: idp("acme-okta"),
        enabled: true,
        entityId: "http://www.okta.com/exk1acme0000000000",
        loginUrl: "https://acme.okta.com/app/huaweicloud/exk1acme0000000000/sso/saml",
        certificates: [
          {
            subject: "CN=acme, OU=SSOProvider, O=Okta, L=San Francisco, ST=California, C=US",
            validityDays: 3650,
            expiresInDays: 6,
          },
          {
            subject: "CN=acme-2, OU=SSOProvider, O=Okta, L=San Francisco, ST=California, C=US",
            validityDays: 3650,
            expiresInDays: 700,
          },
        ],
      },
      {
        id: idp("acme-adfs"),
        enabled: false,
        entityId: "http://adfs.acme.example/adfs/services/trust",
        loginUrl: "https://adfs.acme.example/adfs/ls/",
        certificates: [
          { subject: "CN=ADFS Signing - adfs.acme.example", validityDays: 365, expiresInDays: -30 },
          { subject: "CN=ADFS Signing - adfs.acme.example", validityDays: 365, expiresInDays: 50 },
        ],
      },
    ],
  },
  acmeBeijing: {
    id: store("acme-bj"),
    instanceId: `ins-${ids.hex("huawei/instance/acme-bj", 16)}`,
    region: "cn-north-4",
    domain: "acme",
    spCertificates: [
      { expiresInDays: 55, active: true },
      { expiresInDays: 400, active: false },
    ],
    idps: [
      {
        id: idp("acme-entra"),
        enabled: true,
        entityId: "https://sts.windows.net/00000000-0000-0000-0000-000000000000/",
        loginUrl: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/saml2",
        certificates: [
          { subject: "CN=Microsoft Azure Federated SSO Certificate", validityDays: 1095, expiresInDays: 90 },
        ],
      },
    ],
  },
  globexCapeTown: {
    id: store("globex-za"),
    instanceId: `ins-${ids.hex("huawei/instance/globex-za", 16)}`,
    region: "af-south-1",
    domain: "globex",
    spCertificates: [
      { expiresInDays: 300, active: true },
      { expiresInDays: 1800, active: false },
    ],
    idps: [
      {
        id: idp("globex-keycloak"),
        enabled: true,
        entityId: "https://sso.globex.example/realms/globex",
        loginUrl: "https://sso.globex.example/realms/globex/protocol/saml",
        // The only valid certificate: deleting it is refused with IIC.1712.
        certificates: [{ subject: "CN=globex", validityDays: 3650, expiresInDays: 2 }],
      },
    ],
  },
} satisfies Record<string, StorePlan>;

// The reflect polyfill must be evaluated before @peculiar/x509: its DI container (tsyringe) checks
// for `Reflect.getMetadata` when the module loads, in the browser as on the server. Every module in
// lib/x509 imports @peculiar/x509 through this file so that the order cannot be got wrong.
// (Only PKCS#7 parsing uses it; certificates are read and verified by our own DER reader and Web Crypto.)
import "@abraham/reflection";

export { X509Certificates } from "@peculiar/x509";

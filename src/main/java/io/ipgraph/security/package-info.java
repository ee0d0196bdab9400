/** Who may read and who may write: local users or JWT bearer tokens, and the roles ANALYST, EDITOR and ADMIN. */
package io.ipgraph.security;

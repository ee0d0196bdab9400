/** The audit trail (append-only change records) and the edits that write it: updates with optimistic locking, retraction and restoration. */
package io.ipgraph.audit;

package io.ipgraph.embedded;

import java.net.InetAddress;
import java.net.URI;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import org.neo4j.internal.kernel.api.LabelsSupplier;
import org.neo4j.internal.kernel.api.RelTypeSupplier;
import org.neo4j.internal.kernel.api.TokenSet;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.PermissionState;
import org.neo4j.internal.kernel.api.security.PrivilegeAction;
import org.neo4j.internal.kernel.api.security.SelectedPropertiesProvider;
import org.neo4j.storageengine.api.PropertySelection;

/**
 * An access mode of Neo4j's kernel that makes the nodes with some labels (ipgraph's {@code Restricted},
 * {@code Retracted}) invisible to a transaction: they are not found by any scan, index or traversal, nor are the
 * relationships that end on them, so no path passes through them and no count includes them, whatever the Cypher
 * says. Everything else is the base mode's (read only, for ipgraph's reads). This is the kernel's own mechanism for
 * fine-grained read rights; Neo4j Community ships no way to configure it, ipgraph sets it per transaction (the
 * store's {@code Visibility} for its own reads, {@link BoltSignIn} for an editor's Bolt session).
 */
public final class HidingAccessMode implements AccessMode {

	private final AccessMode base;

	private final int[] hidden;

	private final String[] hiddenNames;

	private HidingAccessMode(AccessMode base, int[] hidden, String[] hiddenNames) {
		this.base = base;
		this.hidden = hidden;
		this.hiddenNames = hiddenNames;
	}

	/**
	 * The base mode with the nodes of these labels hidden, for one transaction (label ids are looked up through it:
	 * a label that does not exist yet hides nothing), and the schema (indexes, constraints) readable.
	 */
	public static AccessMode hiding(AccessMode base, java.util.List<String> labels, java.util.function.ToIntFunction<String> labelId) {
		java.util.List<Integer> ids = new java.util.ArrayList<>();
		java.util.List<String> names = new java.util.ArrayList<>();
		for (String label : labels) {
			int id = labelId.applyAsInt(label);
			if (id >= 0) {
				ids.add(id);
				names.add(label);
			}
		}
		return new HidingAccessMode(base, ids.stream().mapToInt(Integer::intValue).toArray(), names.toArray(String[]::new));
	}

	private boolean isHidden(int label) {
		for (int h : this.hidden) {
			if (h == label) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean allowsWrites() {
		return this.base.allowsWrites();
	}

	@Override
	public PermissionState allowsTokenCreates(PrivilegeAction a0) {
		return this.base.allowsTokenCreates(a0);
	}

	@Override
	public boolean allowsSchemaWrites() {
		return this.base.allowsSchemaWrites();
	}

	@Override
	public PermissionState allowsSchemaWrites(PrivilegeAction a0) {
		return this.base.allowsSchemaWrites(a0);
	}

	@Override
	public boolean allowsShowIndex() {
		// the schema (SHOW INDEXES) names no entity: a reader may see it
		return true;
	}

	@Override
	public boolean allowsShowConstraint() {
		return true;
	}

	@Override
	public boolean allowsTraverseAllLabels() {
		return this.hidden.length == 0 && this.base.allowsTraverseAllLabels();
	}

	@Override
	public boolean allowsTraverseAllNodesWithLabel(int a0) {
		// any node may also carry a hidden label
		return this.hidden.length == 0 && this.base.allowsTraverseAllNodesWithLabel(a0);
	}

	@Override
	public boolean disallowsTraverseLabel(int a0) {
		return isHidden(a0) || this.base.disallowsTraverseLabel(a0);
	}

	@Override
	public boolean hasNoTraverseNodePrivilege() {
		return this.base.hasNoTraverseNodePrivilege();
	}

	@Override
	public boolean allowsTraverseNode(int... a0) {
		for (int label : a0) {
			if (isHidden(label)) {
				return false;
			}
		}
		return this.base.allowsTraverseNode(a0);
	}

	@Override
	public boolean hasApplicableTraverseNodeAllowPropertyRules(int a0) {
		return this.base.hasApplicableTraverseNodeAllowPropertyRules(a0);
	}

	@Override
	public boolean allowsTraverseNode(LabelsSupplier a0, SelectedPropertiesProvider a1) {
		if (this.hidden.length > 0) {
			TokenSet labels = a0.getLabels();
			for (int label : this.hidden) {
				if (labels.contains(label)) {
					return false;
				}
			}
		}
		return this.base.allowsTraverseNode(a0, a1);
	}

	@Override
	public boolean allowsTraverseAllRelTypes() {
		return this.base.allowsTraverseAllRelTypes();
	}

	@Override
	public boolean allowsTraverseRelType(int a0) {
		return this.base.allowsTraverseRelType(a0);
	}

	@Override
	public boolean allowsTraverseAllRelsWithType(int a0) {
		return this.base.allowsTraverseAllRelsWithType(a0);
	}

	@Override
	public boolean disallowsTraverseRelType(int a0) {
		return this.base.disallowsTraverseRelType(a0);
	}

	@Override
	public boolean hasApplicableTraverseRelAllowPropertyRules(int a0) {
		return this.base.hasApplicableTraverseRelAllowPropertyRules(a0);
	}

	@Override
	public boolean allowsTraverseRelationship(int a0, SelectedPropertiesProvider a1) {
		return this.base.allowsTraverseRelationship(a0, a1);
	}

	@Override
	public boolean allowsReadNodeProperties(LabelsSupplier a0, int[] a1, Supplier<SelectedPropertiesProvider> a2) {
		return this.base.allowsReadNodeProperties(a0, a1, a2);
	}

	@Override
	public IntPredicate allowedToReadNodeProperties(LabelsSupplier a0, Supplier<SelectedPropertiesProvider> a1, PropertySelection a2) {
		return this.base.allowedToReadNodeProperties(a0, a1, a2);
	}

	@Override
	public boolean allowsTraverseAndReadAllMatchingNodeProperties(int[] a0, int[] a1) {
		return this.hidden.length == 0 && this.base.allowsTraverseAndReadAllMatchingNodeProperties(a0, a1);
	}

	@Override
	public boolean allowsTraverseAndReadAllMatchingRelProperties(int[] a0, int[] a1) {
		return this.base.allowsTraverseAndReadAllMatchingRelProperties(a0, a1);
	}

	@Override
	public boolean allowsReadRelProperties(RelTypeSupplier a0, int[] a1, Supplier<SelectedPropertiesProvider> a2) {
		return this.base.allowsReadRelProperties(a0, a1, a2);
	}

	@Override
	public IntPredicate allowedToReadRelationshipProperties(RelTypeSupplier a0, Supplier<SelectedPropertiesProvider> a1, PropertySelection a2) {
		return this.base.allowedToReadRelationshipProperties(a0, a1, a2);
	}

	@Override
	public boolean allowsSeePropertyKeyToken(int a0) {
		return this.base.allowsSeePropertyKeyToken(a0);
	}

	@Override
	public PermissionState allowsExecuteProcedure(int a0) {
		return this.base.allowsExecuteProcedure(a0);
	}

	@Override
	public PermissionState allowExecuteAdminProcedures() {
		return this.base.allowExecuteAdminProcedures();
	}

	@Override
	public PermissionState shouldBoostProcedure(int a0) {
		return this.base.shouldBoostProcedure(a0);
	}

	@Override
	public PermissionState allowsExecuteFunction(int a0) {
		return this.base.allowsExecuteFunction(a0);
	}

	@Override
	public PermissionState shouldBoostFunction(int a0) {
		return this.base.shouldBoostFunction(a0);
	}

	@Override
	public PermissionState allowsExecuteAggregatingFunction(int a0) {
		return this.base.allowsExecuteAggregatingFunction(a0);
	}

	@Override
	public PermissionState shouldBoostAggregatingFunction(int a0) {
		return this.base.shouldBoostAggregatingFunction(a0);
	}

	@Override
	public PermissionState allowsShowSetting(String a0) {
		return this.base.allowsShowSetting(a0);
	}

	@Override
	public boolean allowsSetLabel(int a0) {
		return this.base.allowsSetLabel(a0);
	}

	@Override
	public boolean allowsRemoveLabel(int a0) {
		return this.base.allowsRemoveLabel(a0);
	}

	@Override
	public boolean allowsCreateNode(int[] a0) {
		return this.base.allowsCreateNode(a0);
	}

	@Override
	public boolean allowsDeleteNode(Supplier<TokenSet> a0) {
		return this.base.allowsDeleteNode(a0);
	}

	@Override
	public boolean allowsCreateRelationship(int a0) {
		return this.base.allowsCreateRelationship(a0);
	}

	@Override
	public boolean allowsDeleteRelationship(int a0) {
		return this.base.allowsDeleteRelationship(a0);
	}

	@Override
	public boolean allowsSetProperty(LabelsSupplier a0, int a1) {
		return this.base.allowsSetProperty(a0, a1);
	}

	@Override
	public boolean allowsSetProperty(RelTypeSupplier a0, int a1) {
		return this.base.allowsSetProperty(a0, a1);
	}

	@Override
	public PermissionState allowsLoadAllData() {
		return this.base.allowsLoadAllData();
	}

	@Override
	public PermissionState allowsLoadUri(URI a0, InetAddress a1) {
		return this.base.allowsLoadUri(a0, a1);
	}

	@Override
	public String name() {
		return this.base.name() + " hiding " + java.util.Arrays.toString(this.hiddenNames);
	}

}

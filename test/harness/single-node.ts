import { randomUUID } from 'node:crypto';
import type { IDataObject, INode, INodeParameters, IWorkflowSettings } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { CredentialsMap, CredentialTypesInput } from './credentials';
import {
	HarnessCredentialsHelper,
	HarnessCredentialTypes,
	nodeCredentialsFor,
} from './credentials';
import type { AnyNodeType, NodeTypeMap } from './node-types';
import { HarnessNodeTypes, defaultTypeName, latestVersion } from './node-types';
import { ensureN8nCore } from './setup';

/** Options shared by the helpers that run one node outside a workflow run (pickers, poll, webhooks). */
export interface SingleNodeOptions {
	/** Node parameters as stored in the workflow (expressions allowed). */
	parameters?: INodeParameters;
	/** Credentials for the node; `node.credentials` is derived from this map. */
	credentials?: CredentialsMap;
	credentialTypes?: CredentialTypesInput;
	/** Type name; default `<package>.<description.name>`, e.g. `n8n-nodes-smsc.smsc`. */
	typeName?: string;
	/** Default: the node type's latest version. */
	typeVersion?: number;
	/** Default `Trigger` for triggers, else the node's default name. Static data is keyed by it. */
	nodeName?: string;
	/** Workflow static data (mutated in place, left as plain JSON). */
	staticData?: IDataObject;
	/** `node.webhookId`; default a random UUID (n8n gives every webhook node one). */
	webhookId?: string;
	workflowId?: string;
	settings?: IWorkflowSettings;
	/** Other node types, if the node looks at them. */
	nodeTypes?: NodeTypeMap;
}

export interface SingleNodeSetup {
	workflow: Workflow;
	node: INode;
	typeName: string;
	nodeTypes: HarnessNodeTypes;
	credentialsHelper: HarnessCredentialsHelper;
}

export function setupSingleNode(
	nodeType: AnyNodeType,
	options: SingleNodeOptions,
	extra: Partial<INode> = {},
): SingleNodeSetup {
	ensureN8nCore();
	const typeName = options.typeName ?? defaultTypeName(nodeType);
	const nodeTypes = new HarnessNodeTypes({ ...options.nodeTypes, [typeName]: nodeType });
	const credentialsHelper = new HarnessCredentialsHelper(
		new HarnessCredentialTypes(options.credentialTypes),
		options.credentials,
	);
	const node: INode = {
		id: 'harness-node',
		name: options.nodeName ?? 'Trigger',
		type: typeName,
		typeVersion: options.typeVersion ?? latestVersion(nodeType),
		position: [0, 0],
		parameters: structuredClone(options.parameters ?? {}),
		webhookId: options.webhookId ?? randomUUID(),
		...extra,
	};
	const credentials = nodeCredentialsFor(options.credentials);
	if (credentials) node.credentials = credentials;
	const workflow = new Workflow({
		id: options.workflowId ?? 'harness-workflow',
		name: 'Harness workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: options.staticData,
		settings: { executionOrder: 'v1', ...options.settings },
	});
	return { workflow, node: workflow.getNode(node.name)!, typeName, nodeTypes, credentialsHelper };
}

/**
 * "Test credential" as n8n's CLI CredentialsTester does it
 * (packages/cli/src/services/credentials-tester.service.ts): defaults applied, then either the
 * node's `credentialTest` function (CredentialTestContext), or the credential type's `test`
 * request run through n8n-core's `RoutingNode` on a temporary noOp node - which resolves the
 * request's expressions against the credential data, runs `preAuthentication`/`authenticate`
 * and sends it with n8n-core's HTTP helper - followed by the `rules`.
 */
import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunction,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	ITaskDataConnections,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError, Workflow, createRunExecutionData } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { CredentialTypesInput } from './credentials';
import { HarnessCredentialsHelper, HarnessCredentialTypes } from './credentials';
import { builtinNodeTypes, NO_OP } from './builtin-nodes';
import type { AnyNodeType } from './node-types';
import { ensureN8nCore } from './setup';

export interface CredentialTestOptions {
	/** Parent credential types (for `extends`). */
	credentialTypes?: CredentialTypesInput;
	/** A node whose `credentials[].testedBy` should be used when the type has no `test`. */
	nodeType?: AnyNodeType;
	id?: string;
	name?: string;
}

function getByPath(object: unknown, path: string): unknown {
	return path
		.replace(/\[(\w+)\]/g, '.$1')
		.split('.')
		.reduce<unknown>(
			(value, key) => (value == null ? undefined : (value as IDataObject)[key]),
			object,
		);
}

type TestDefinition =
	ICredentialTestFunction | { nodeType?: INodeType; testRequest: ICredentialTestRequest };

function findTest(
	credentialType: ICredentialType,
	nodeType?: AnyNodeType,
): TestDefinition | undefined {
	if (credentialType.test) return { testRequest: credentialType.test };
	if (!nodeType) return undefined;
	const versions: INodeType[] =
		'nodeVersions' in nodeType ? Object.values(nodeType.nodeVersions) : [nodeType];
	for (const type of versions) {
		for (const { name, testedBy } of type.description.credentials ?? []) {
			if (name !== credentialType.name || !testedBy) continue;
			if (typeof testedBy === 'string') {
				const fn = type.methods?.credentialTest?.[testedBy];
				if (fn) return fn;
				continue;
			}
			return { nodeType: type, testRequest: testedBy };
		}
	}
	return undefined;
}

export async function runCredentialTest(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
	options: CredentialTestOptions = {},
): Promise<INodeCredentialTestResult> {
	ensureN8nCore();
	const credentialTypes = new HarnessCredentialTypes(options.credentialTypes);
	credentialTypes.addAll([credentialType]);
	const id = options.id ?? 'harness-credential';
	const name = options.name ?? credentialType.displayName;
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, {
		[credentialType.name]: { id, name, data },
	});

	const test = findTest(credentialType, options.nodeType);
	if (test === undefined) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	const credentialsDecrypted: ICredentialsDecrypted = {
		id,
		name,
		type: credentialType.name,
		data: { ...data },
	};
	const additionalData = createAdditionalData({ credentialsHelper });
	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			additionalData,
			credentialsDecrypted.data!,
			credentialType.name,
			'internal' as WorkflowExecuteMode,
		);
	} catch (error) {
		return { status: 'Error', message: String((error as Error).message) };
	}

	if (typeof test === 'function') {
		return await test.call(new CredentialTestContext(), credentialsDecrypted);
	}

	const nodeType = test.nodeType ?? (builtinNodeTypes[NO_OP] as INodeType);
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: Array.isArray(nodeType.description.version)
			? nodeType.description.version.slice(-1)[0]
			: nodeType.description.version,
		position: [0, 0],
		credentials: { [credentialType.name]: { id, name } },
	};
	const nodeTypeCopy: INodeType = {
		description: {
			...nodeType.description,
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.testRequest.request },
					default: '',
				},
			],
		},
	};
	const mockNodeTypes: INodeTypes = {
		getByName: () => nodeTypeCopy,
		getByNameAndVersion: (type, version) => {
			if (type !== nodeTypeCopy.description.name)
				throw new UnexpectedError(`Unknown node type ${type}`);
			return NodeHelpers.getVersionedNodeType(nodeTypeCopy, version);
		},
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: mockNodeTypes,
	});

	const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
	const connectionInputData: INodeExecutionData[] = [];
	const runExecutionData: IRunExecutionData = createRunExecutionData({ executionData: null });
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		workflow.getNode(node.name)!,
		additionalData,
		'internal',
		runExecutionData,
		0,
		connectionInputData,
		inputData,
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, nodeTypeCopy, credentialsDecrypted);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (e) {
		const error = e as IDataObject & Error;
		const cause = error.cause as IDataObject | undefined;
		const causeResponse = cause?.response as IDataObject | undefined;
		if (causeResponse) {
			const statusCode = causeResponse.status as number;
			const statusMessage = causeResponse.statusText as string | undefined;
			for (const rule of test.testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return {
					status: 'Error',
					message: statusMessage || `Received HTTP status code: ${statusCode}`,
				};
			}
		} else if (cause?.code) {
			return { status: 'Error', message: String(cause.code) };
		}
		return { status: 'Error', message: String(error.message) };
	}

	for (const rule of test.testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const responseData = response?.[0]?.[0]?.json;
			if (getByPath(responseData, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

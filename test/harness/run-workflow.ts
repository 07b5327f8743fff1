import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IPinData,
	IRun,
	IRunData,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	NodeConnectionTypes,
	UnexpectedError,
	Workflow,
	createRunExecutionData,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { CredentialsMap, CredentialTypesInput } from './credentials';
import { HarnessCredentialsHelper, HarnessCredentialTypes } from './credentials';
import { HarnessExecutionError } from './errors';
import type { NodeTypeMap } from './node-types';
import { HarnessNodeTypes } from './node-types';
import { ensureN8nCore } from './setup';
import { persistStaticData } from './static-data';

/** A workflow as n8n stores it (the parts the engine needs). */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export interface RunWorkflowOptions {
	workflow: WorkflowJson;
	/** Node classes keyed by type name; `n8n-nodes-base.manualTrigger`, `n8n-nodes-base.noOp` and `harness.items` are built in. */
	nodeTypes?: NodeTypeMap;
	credentialTypes?: CredentialTypesInput;
	credentials?: CredentialsMap;
	/**
	 * Items handed to the start node as its input (not copied). Use with a `harness.items` start
	 * node, or with a trigger start node in mode `trigger`/`webhook` (that is how n8n feeds a
	 * production trigger's emitted items in). A trigger in `manual` mode runs its own `trigger()`.
	 */
	inputItems?: Array<INodeExecutionData | IDataObject>;
	/** All main inputs of the start node (e.g. a trigger's `workflowData`); overrides `inputItems`. */
	inputData?: INodeExecutionData[][];
	/** Default `manual` (what n8n uses when you click "Execute workflow"). */
	mode?: WorkflowExecuteMode;
	/** Name of the node to start from; default: the single root node, else n8n's `getStartNode()`. */
	startNode?: string;
	/** Workflow static data; mutated in place and left as plain JSON afterwards. */
	staticData?: IDataObject;
	executionId?: string;
	/** Base of the signed resume links (`getSignedResumeUrl()`); see waiting.ts. */
	webhookWaitingBaseUrl?: string;
	/**
	 * Go on with a saved execution instead of starting one: n8n's resume of a waiting execution
	 * (see waiting.ts). The start node and input options are then ignored.
	 */
	resumeData?: IRunExecutionData;
}

export interface WorkflowRunResult {
	/** n8n's run data: node name → one ITaskData per run of that node. */
	runData: IRunData;
	/** Main output `outputIndex` (default 0) of the node's last run (or run `runIndex`). Throws if the node never ran. */
	output(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** `output(...)` mapped to `.json`. */
	json(nodeName: string, outputIndex?: number, runIndex?: number): IDataObject[];
	/** The execution's error (a failed node without continueOnFail/onError), if any. */
	error?: HarnessExecutionError;
	status: IRun['status'];
	/** Node names in the order they finished. */
	executionOrder: string[];
	/** The full IRun n8n-core returned. */
	run?: IRun;
}

const EXECUTION_DATA_KEYS = new Set(['json', 'binary', 'pairedItem', 'error']);

function toExecutionData(items: Array<INodeExecutionData | IDataObject>): INodeExecutionData[] {
	if (items.length === 0) return items as INodeExecutionData[];
	const first = items[0] as IDataObject;
	const isExecutionData =
		typeof first.json === 'object' &&
		first.json !== null &&
		Object.keys(first).every((k) => EXECUTION_DATA_KEYS.has(k));
	if (isExecutionData) return items as INodeExecutionData[];
	return (items as IDataObject[]).map((json) => ({ json }));
}

function findStartNode(workflow: Workflow, name?: string): INode {
	if (name) {
		const node = workflow.getNode(name);
		if (!node) throw new UnexpectedError(`Start node "${name}" is not in the workflow`);
		return node;
	}
	const roots = Object.values(workflow.nodes).filter(
		(node) =>
			!node.disabled &&
			!workflow.connectionsByDestinationNode[node.name]?.[NodeConnectionTypes.Main]?.some(
				(input) => input && input.length > 0,
			),
	);
	if (roots.length === 1) return roots[0];
	const start = workflow.getStartNode() ?? roots[0];
	if (!start) throw new UnexpectedError('No start node found in the workflow');
	return start;
}

export function makeResult(
	runData: IRunData,
	executionOrder: string[],
	run: IRun | undefined,
	error: HarnessExecutionError | undefined,
): WorkflowRunResult {
	const output = (nodeName: string, outputIndex = 0, runIndex?: number) => {
		const runs = runData[nodeName];
		if (!runs) {
			throw new UnexpectedError(
				`Node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ') || 'nothing'})${error ? `; execution error: ${error.message}` : ''}`,
			);
		}
		const task = runs[runIndex ?? runs.length - 1];
		return task?.data?.[NodeConnectionTypes.Main]?.[outputIndex] ?? [];
	};
	return {
		runData,
		output,
		json: (nodeName, outputIndex, runIndex) =>
			output(nodeName, outputIndex, runIndex).map((item) => item.json),
		error,
		status: run?.status ?? 'error',
		executionOrder,
		run,
	};
}

/** Runs a workflow with n8n-core's `WorkflowExecute`, exactly as n8n runs it (minus persistence). */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRunResult> {
	ensureN8nCore();
	const mode = options.mode ?? 'manual';
	const nodeTypes = new HarnessNodeTypes(options.nodeTypes);
	const credentialTypes = new HarnessCredentialTypes(options.credentialTypes);
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, options.credentials);

	const json = options.workflow;
	const workflow = new Workflow({
		id: json.id ?? 'harness-workflow',
		name: json.name ?? 'Harness workflow',
		// n8n adds parameter defaults into the nodes; keep the caller's JSON untouched
		nodes: structuredClone(json.nodes),
		connections: json.connections,
		active: false,
		nodeTypes,
		staticData: options.staticData,
		settings: { executionOrder: 'v1', ...json.settings },
		pinData: json.pinData,
	});

	const executionId = options.executionId ?? 'harness-execution';
	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		settings: workflow.settings,
		activeVersionId: null,
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});

	const additionalData = createAdditionalData({
		credentialsHelper,
		hooks,
		executionId,
		webhookWaitingBaseUrl: options.webhookWaitingBaseUrl,
	});
	const startNode = findStartNode(workflow, options.startNode);
	const startType = nodeTypes.getByNameAndVersion(startNode.type, startNode.typeVersion);
	if (
		(options.inputItems || options.inputData) &&
		mode === 'manual' &&
		!startType.execute &&
		startType.trigger
	) {
		throw new UnexpectedError(
			`inputItems would be ignored: trigger "${startNode.name}" runs its own trigger() in manual mode. Start from a harness.items node or use mode: 'trigger'.`,
		);
	}

	const runExecutionData =
		options.resumeData ??
		createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{
						node: startNode,
						data: {
							main: options.inputData ?? [
								options.inputItems ? toExecutionData(options.inputItems) : [{ json: {} }],
							],
						},
						source: null,
					},
				],
			},
			resultData: { pinData: json.pinData },
		});

	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	let run: IRun | undefined;
	let error: HarnessExecutionError | undefined;
	try {
		run = await workflowExecute.processRunExecutionData(workflow);
	} catch (e) {
		const err = e as Error;
		if (
			err.name === 'WorkflowHasIssuesError' ||
			err.constructor?.name === 'WorkflowHasIssuesError'
		) {
			const issues = workflowExecute.checkReadyForExecution(workflow, {
				startNode: startNode.name,
			});
			err.message += `: ${JSON.stringify(issues)}`;
		}
		error = new HarnessExecutionError(err);
	} finally {
		persistStaticData(options.staticData);
	}

	const resultData = run?.data.resultData ?? runExecutionData.resultData;
	if (!error && resultData.error) {
		const stored: ExecutionError = resultData.error;
		const failedNode = (stored as { node?: INode }).node;
		error = new HarnessExecutionError(stored, failedNode?.name ?? resultData.lastNodeExecuted);
	}
	return makeResult(resultData.runData, executionOrder, run, error);
}

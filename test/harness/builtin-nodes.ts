/**
 * Minimal stand-ins for the n8n-nodes-base nodes the tests need (n8n-nodes-base itself is not a
 * dependency), plus `harness.items` to feed many items into a workflow cheaply.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { testNodeDescription } from './testNode';

export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
export const NO_OP = 'n8n-nodes-base.noOp';
export const HARNESS_ITEMS = 'harness.items';

/** Same behaviour as n8n's ManualTrigger: in manual mode it emits one empty item. */
class ManualTrigger implements INodeType {
	description = testNodeDescription({
		displayName: 'Manual Trigger',
		name: MANUAL_TRIGGER,
		group: ['trigger'],
		description: 'Runs the flow on clicking a button in n8n',
		maxNodes: 1,
		defaults: { name: 'When clicking ‘Execute workflow’', color: '#909298' },
		properties: [],
	});

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

/** Same behaviour as n8n's NoOp: passes its input through unchanged. */
class NoOp implements INodeType {
	description = testNodeDescription({
		displayName: 'No Operation, do nothing',
		name: NO_OP,
		group: ['organization'],
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing', color: '#b0b0b0' },
		properties: [],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/**
 * Source node for tests. Emits, in this order of precedence:
 * 1. `items` parameter (array of JSON objects) if non-empty;
 * 2. `count` copies of the `item` template (each gets `index`: 0..count-1) if `count` > 0;
 * 3. otherwise its own input, i.e. `runWorkflow({ inputItems })` when it is the start node
 *    (the harness hands those items to the start node without copying them).
 */
class HarnessItems implements INodeType {
	description = testNodeDescription({
		displayName: 'Harness Items',
		name: HARNESS_ITEMS,
		group: ['input'],
		description: 'Emits test items',
		defaults: { name: 'Items' },
		properties: [
			{ displayName: 'Items', name: 'items', type: 'json', default: [] },
			{ displayName: 'Count', name: 'count', type: 'number', default: 0 },
			{ displayName: 'Item Template', name: 'item', type: 'json', default: {} },
		],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		let items = this.getNodeParameter('items', 0, []) as IDataObject[] | string;
		if (typeof items === 'string') items = items.trim() ? (JSON.parse(items) as IDataObject[]) : [];
		if (Array.isArray(items) && items.length > 0) return [items.map((json) => ({ json }))];

		const count = this.getNodeParameter('count', 0, 0) as number;
		if (count > 0) {
			let template = this.getNodeParameter('item', 0, {}) as IDataObject | string;
			if (typeof template === 'string') template = JSON.parse(template || '{}') as IDataObject;
			const out: INodeExecutionData[] = new Array(count);
			for (let i = 0; i < count; i++) out[i] = { json: { ...template, index: i } };
			return [out];
		}
		return [this.getInputData()];
	}
}

export const builtinNodeTypes: Record<string, INodeType> = {
	[MANUAL_TRIGGER]: new ManualTrigger(),
	[NO_OP]: new NoOp(),
	[HARNESS_ITEMS]: new HarnessItems(),
};

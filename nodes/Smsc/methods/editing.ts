import type { ILoadOptionsFunctions, INodeListSearchItems } from 'n8n-workflow';

/** A parameter of the node being edited, or undefined where the operation has no such field. */
export function currentParameter(context: ILoadOptionsFunctions, name: string): unknown {
	try {
		return context.getCurrentNodeParameter(name);
	} catch {
		return undefined;
	}
}

/**
 * What a list shows when the account has nothing to pick: n8n's editor would show a bare "No
 * results", which does not say what to do. The hint is a row of its own; picking it leaves the
 * field empty, which the operation refuses with its own error (or, for the Send's optional Sender
 * Name, sends with the account's default sender).
 */
export function emptyListHint(text: string): INodeListSearchItems {
	return { name: text, value: '' };
}

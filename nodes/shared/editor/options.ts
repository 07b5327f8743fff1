import type { INodeProperties } from 'n8n-workflow';

// A collection of five or more options is written out literally instead of through these helpers,
// so that n8n's lint can check that its options are sorted.

function collection(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/** The "Options" collection of a node or an operation: settings the user adds one at a time. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Options', 'options', 'Add Option', options);
}

/** The "Additional Fields" collection of an operation: optional fields of what it creates or adds. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Additional Fields', 'additionalFields', 'Add Field', options);
}

/** The "Update Fields" collection of an Update operation: what to change; what is not added stays. */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Update Fields', 'updateFields', 'Add Field', options);
}

/** Checks node output against the output schemas the package ships. */
interface JsonSchema {
	type?: string;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
}

/**
 * Where `value` breaks the node's shipped output schema (`__schema__/v<version>.0.0/<resource>/<operation>.json`);
 * [] if nowhere. Version 2 ships its own file only where its output changed (gulpfile.js copies the rest).
 */
export function schemaViolations(
	resource: string,
	operation: string,
	value: unknown,
	version = 1,
): string[] {
	const schema = require(
		`../../nodes/Smsc/__schema__/v${version}.0.0/${resource}/${operation}.json`,
	) as JsonSchema;
	return check(schema, value, '$');
}

/**
 * The same for a trigger, whose schema has no resource or operation: n8n's editor asks for
 * `schemas/<package>.<node>/1.0.0.json` and the server reads `<node folder>/__schema__/v1.0.0.json`.
 */
export function triggerSchemaViolations(
	node: 'SmscTrigger' | 'SmscPollTrigger',
	value: unknown,
	version = 1,
): string[] {
	const schema = require(`../../nodes/${node}/__schema__/v${version}.0.0.json`) as JsonSchema;
	return check(schema, value, '$');
}

function check(schema: JsonSchema, value: unknown, path: string): string[] {
	const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
	if (schema.type && schema.type !== actual)
		return [`${path} is ${actual}, schema says ${schema.type}`];
	if (actual === 'array' && schema.items) {
		return (value as unknown[]).flatMap((entry, index) =>
			check(schema.items!, entry, `${path}[${index}]`),
		);
	}
	if (actual !== 'object') return [];
	const object = value as Record<string, unknown>;
	const missing = (schema.required ?? [])
		.filter((key) => object[key] === undefined)
		.map((key) => `${path}.${key} is missing`);
	const wrong = Object.entries(schema.properties ?? {}).flatMap(([key, sub]) =>
		object[key] === undefined ? [] : check(sub, object[key], `${path}.${key}`),
	);
	return [...missing, ...wrong];
}

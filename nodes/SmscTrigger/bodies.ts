/**
 * The JSON (`fmt=3`) and XML (`fmt=2`) bodies SMSC may send to the handler URL, and the error for
 * a request that cannot be read as a callback.
 */
import type { CallbackFields } from '../shared/triggers/normalise';

/** The request cannot be read as an SMSC callback: the trigger answers 400 and starts nothing. */
export class MalformedCallbackError extends Error {}

export const MAX_FIELDS = 500;

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function parseJsonCallbacks(text: string): CallbackFields[] {
	let parsed: unknown;
	let syntaxError: string | undefined;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		syntaxError = (error as Error).message;
	}
	if (syntaxError !== undefined)
		throw new MalformedCallbackError(`The body is not valid JSON: ${syntaxError}`);
	const list = Array.isArray(parsed) ? parsed : [parsed];
	if (list.length > MAX_FIELDS || !list.every(isPlainObject)) {
		throw new MalformedCallbackError('The JSON body is not an object of callback fields');
	}
	return list as CallbackFields[];
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
		if (entity[0] === '#') {
			const code =
				entity[1] === 'x' || entity[1] === 'X'
					? parseInt(entity.slice(2), 16)
					: parseInt(entity.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return XML_ENTITIES[entity.toLowerCase()] ?? whole;
	});
}

interface XmlNode {
	name: string;
	children: XmlNode[];
	text: string;
}

/**
 * Reads the small flat XML SMSC sends (`<data><id>1</id><phone>…</phone></data>`) into fields. An
 * element with child elements becomes an object, a repeated name an array; attributes are ignored.
 */
export function parseFlatXml(text: string): CallbackFields {
	const source = text
		.replace(/<\?[\s\S]*?\?>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<!DOCTYPE[^>]*>/gi, '');
	const tag = /<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.\-:]*)[^<>]*?(\/?)>|([^<]+)|(<)/g;
	const root: XmlNode = { name: '', children: [], text: '' };
	const stack: XmlNode[] = [root];
	let match: RegExpExecArray | null;
	while ((match = tag.exec(source)) !== null) {
		const current = stack[stack.length - 1];
		const [, cdata, closing, name, selfClosing, chars, stray] = match;
		if (stray !== undefined) throw new MalformedCallbackError('The XML body has a stray "<"');
		if (cdata !== undefined) current.text += cdata;
		else if (chars !== undefined) current.text += decodeXmlEntities(chars);
		else if (closing) {
			if (current === root || current.name !== name) {
				throw new MalformedCallbackError(`The XML body closes <${name}> that is not open`);
			}
			stack.pop();
		} else {
			const node: XmlNode = { name, children: [], text: '' };
			current.children.push(node);
			if (!selfClosing) stack.push(node);
		}
	}
	if (stack.length !== 1)
		throw new MalformedCallbackError(
			`The XML body does not close <${stack[stack.length - 1].name}>`,
		);
	if (root.children.length !== 1 || root.text.trim() !== '') {
		throw new MalformedCallbackError('The body is not an XML document with one root element');
	}
	const document = root.children[0];
	if (document.children.length > MAX_FIELDS)
		throw new MalformedCallbackError('Too many XML fields');
	const value = xmlValue(document);
	return isPlainObject(value) ? value : {};
}

function xmlValue(node: XmlNode): unknown {
	if (node.children.length === 0) return node.text.trim();
	const object: Record<string, unknown> = {};
	for (const child of node.children) {
		const value = xmlValue(child);
		const previous = object[child.name];
		if (previous === undefined) object[child.name] = value;
		else object[child.name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
	}
	return object;
}

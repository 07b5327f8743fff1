/** Reading Markdown as GitHub renders it: heading anchors and relative links. */

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

/** The lines outside fenced code blocks. */
function prose(markdown: string): string[] {
	let fenced = false;
	return markdown.split('\n').filter((line) => {
		if (/^\s*(```|~~~)/.test(line)) {
			fenced = !fenced;
			return false;
		}
		return !fenced;
	});
}

/** Every heading's anchor; a repeated heading gets `-1`, `-2`, … as on GitHub. */
export function anchors(markdown: string): Set<string> {
	const seen = new Map<string, number>();
	const result = new Set<string>();
	for (const line of prose(markdown)) {
		const match = /^#{1,6} (.+?)\s*#*$/.exec(line);
		if (!match) continue;
		const base = anchor(match[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		result.add(count ? `${base}-${count}` : base);
	}
	return result;
}

/** The targets of the relative links and images (`[text](target)`), outside code. */
export function relativeLinks(markdown: string): string[] {
	return prose(markdown).flatMap((line) =>
		[...line.replace(/`[^`]*`/g, '').matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
			.map((match) => match[1])
			.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target)),
	);
}

// SPDX-License-Identifier: ISC
// Compare irsalint's trust verdicts (the verdict driver's output) with
// @cloud-copilot/iam-simulate's answer to the same question, shrink
// each case where they differ to a minimal one that still differs the
// same way, and print a summary grouped by what the minimal cases hold.
//
//	node compare.js -c cases.jsonl -r irsalint.tsv -v VERDICT -o OUTDIR
//
// README.md says which entry point of iam-simulate is used, and why.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const sim = require('@cloud-copilot/iam-simulate');
const pol = require('@cloud-copilot/iam-policy');

const ACCOUNT = '111122223333';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/r`;
const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
const DEFAULT_AUD = 'sts.amazonaws.com';
const EXAMPLES = 3;

const providerArn = (iss) => `arn:aws:iam::${ACCOUNT}:oidc-provider/${iss}`;

// ---- The IAM side ----

// IAM's answer for a token of this issuer, sub and aud: the request
// STS makes of AssumeRoleWithWebIdentity, its principal the provider of
// the issuer in the role's account, the context <issuer>:sub and
// <issuer>:aud and nothing else, the trust the role's resource policy.
function iamEval(c, issuer) {
	const trust = pol.createValidatedPolicy(c.trust, pol.validateTrustPolicy,
	    { name: 'trust-policy' });
	const simulation = {
		request: {
			principal: providerArn(issuer),
			action: WEB_IDENTITY,
			resource: { resource: ROLE_ARN, accountId: ACCOUNT },
			contextVariables: {
				[`${issuer}:sub`]: `system:serviceaccount:${c.ns}:${c.name}`,
				[`${issuer}:aud`]: c.aud || DEFAULT_AUD
			}
		},
		identityPolicies: [],
		serviceControlPolicies: [],
		resourceControlPolicies: [],
		resourcePolicy: trust
	};
	let result;
	try {
		result = sim.runUnsafeSimulation(simulation, {});
	} catch (e) {
		return { verdict: 'error', error: String(e && e.message || e),
		    invalid: trust.errors };
	}
	return { verdict: result === 'Allowed' ? 'allow' : 'deny', result,
	    invalid: trust.errors };
}

// The issuers irsalint assumes a token may have when no cluster in the
// inputs tells it: those of the trust's Federated OIDC providers, but
// for well-known identity providers (src/bind.c, candidates()).
function namedIssuers(c) {
	const out = new Set();
	for (const st of c.trust.Statement) {
		const p = st.Principal;
		if (p === null || typeof p !== 'object' || p.Federated === undefined)
			continue;
		for (const f of [].concat(p.Federated)) {
			const m = /^arn:[^:]+:iam::\d{12}:oidc-provider\/(.+)$/.exec(f);
			if (m && !m[1].startsWith('token.actions.githubusercontent.com'))
				out.add(m[1]);
		}
	}
	return [...out];
}

// IAM's answer if the token came from any issuer the trust names.
function iamAnyNamed(c) {
	const iss = namedIssuers(c);
	if (iss.length === 0) return null;
	return iss.some((i) => iamEval(c, i).verdict === 'allow') ? 'allow' : 'deny';
}

// ---- The irsalint side ----

function parseRows(text) {
	const rows = new Map();
	for (const line of text.split('\n')) {
		if (line === '') continue;
		const f = line.split('\t');
		rows.set(f[0], { verdict: f[1], unverified: f[2] === '1',
		    fail: f[3], closest: f[4], error: f[5] });
	}
	return rows;
}

function runDriver(verdict, cases) {
	const input = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
	const r = spawnSync(verdict, ['-f', '-'], { input,
	    maxBuffer: 1 << 30, encoding: 'utf8' });
	if (r.status !== 0) {
		process.stderr.write(r.stderr || '');
		throw new Error(`${verdict} exited ${r.status}`);
	}
	return parseRows(r.stdout);
}

// ---- Classification ----

function category(irs, iam) {
	if (irs.verdict === 'error' || iam.verdict === 'error') return 'error';
	if (irs.verdict === 'unknown') return 'unknown';
	return irs.verdict === iam.verdict ? 'agree' : 'disagree';
}

// What the pair of answers is: kept while a case is shrunk.
const outcome = (irs, iam) => `${irs.verdict}/${iam.verdict}`;

// ---- Shrinking ----

const clone = (x) => JSON.parse(JSON.stringify(x));

// Every case one step smaller than c: a statement, an operator, a key,
// a value, a principal or an action fewer, or one input fewer.
function reductions(c) {
	const out = [];
	const sts = c.trust.Statement;
	const push = (f) => { const d = clone(c); f(d); out.push(d); };
	for (let i = 0; i < sts.length && sts.length > 1; i++)
		push((d) => d.trust.Statement.splice(i, 1));
	sts.forEach((st, i) => {
		const cond = st.Condition || {};
		for (const op of Object.keys(cond)) {
			push((d) => {
				delete d.trust.Statement[i].Condition[op];
				if (Object.keys(d.trust.Statement[i].Condition).length === 0)
					delete d.trust.Statement[i].Condition;
			});
			const keys = Object.keys(cond[op]);
			for (const k of keys) {
				if (keys.length > 1)
					push((d) => delete d.trust.Statement[i].Condition[op][k]);
				const v = cond[op][k];
				if (Array.isArray(v))
					for (let j = 0; j < v.length; j++)
						push((d) => {
							const w = d.trust.Statement[i].Condition[op][k];
							if (w.length > 1) w.splice(j, 1);
							else d.trust.Statement[i].Condition[op][k] = w[0];
						});
			}
		}
		const p = st.Principal;
		if (p && typeof p === 'object' && Array.isArray(p.Federated) &&
		    p.Federated.length > 1)
			p.Federated.forEach((f) => push((d) => {
				d.trust.Statement[i].Principal.Federated = f;
			}));
		for (const ak of ['Action', 'NotAction'])
			if (Array.isArray(st[ak]) && st[ak].length > 1)
				st[ak].forEach((a) => push((d) => {
					d.trust.Statement[i][ak] = a;
				}));
	});
	simplifications(c, push);
	if (c.provider_in_inputs)
		push((d) => { d.provider_in_inputs = false; });
	if (c.aud_annotated && (c.aud || DEFAULT_AUD) === DEFAULT_AUD)
		push((d) => { d.aud_annotated = false; });
	return out;
}

// Cases as big as c but plainer, so that a minimal case keeps only
// what its outcome needs: the action and principal IRSA uses, an
// operator without IfExists or set prefix, a key in the case EKS writes
// it, the issuer known to irsalint.  Each goes one way only, so that
// shrinking ends.
function simplifications(c, push) {
	c.trust.Statement.forEach((st, i) => {
		if (st.Action !== WEB_IDENTITY)
			push((d) => {
				const s = d.trust.Statement[i];
				delete s.NotAction;
				s.Action = WEB_IDENTITY;
			});
		const tok = providerArn(c.issuer);
		if (st.Principal && st.Principal.AWS === '*')
			push((d) => { d.trust.Statement[i].Principal = '*'; });
		if (!st.Principal || st.Principal.Federated !== tok ||
		    Object.keys(st.Principal).length !== 1)
			push((d) => {
				d.trust.Statement[i].Principal = { Federated: tok };
			});
		const cond = st.Condition || {};
		for (const op of Object.keys(cond)) {
			const plain = op.replace(/^For(AnyValue|AllValues):/i, '')
			    .replace(/IfExists$/i, '');
			const ops = [op.replace(/IfExists$/i, ''),
			    op.replace(/^For(AnyValue|AllValues):/i, ''), plain];
			for (const to of new Set(ops)) {
				if (to === op) continue;
				push((d) => {
					const dc = d.trust.Statement[i].Condition;
					const keys = dc[op];
					delete dc[op];
					dc[to] = Object.assign(dc[to] || {}, keys);
				});
			}
			for (const k of Object.keys(cond[op])) {
				const ck = canonKey(k, c);
				if (ck !== k && cond[op][ck] === undefined)
					push((d) => {
						const dk = d.trust.Statement[i].Condition[op];
						dk[ck] = dk[k];
						delete dk[k];
					});
			}
		}
	});
	if (!c.cluster_in_inputs)
		push((d) => { d.cluster_in_inputs = true; });
}

// Shrink every case of list, keeping its outcome, all cases one step per
// round so that each round is one run of the driver.
function shrink(verdict, list) {
	let live = list.map((x) => ({ x, c: x.c, want: x.outcome, irs: x.irs }));
	while (live.length > 0) {
		const cands = [];
		live.forEach((l, li) => reductions(l.c).forEach((r, k) => {
			r.id = `${l.c.id}#${k}`;
			cands.push({ li, r });
		}));
		const rows = cands.length ? runDriver(verdict, cands.map((x) => x.r)) :
		    new Map();
		const found = new Map();
		for (const { li, r } of cands) {
			if (found.has(li)) continue;
			const irs = rows.get(r.id);
			if (irs && outcome(irs, iamEval(r, r.issuer)) === live[li].want)
				found.set(li, { r, irs });
		}
		const next = [];
		live.forEach((l, li) => {
			if (!found.has(li)) {
				l.x.min = l.c;
				l.x.minIrs = l.irs;
				return;
			}
			const { r, irs } = found.get(li);
			r.id = l.x.c.id;
			l.c = r;
			l.irs = irs;
			next.push(l);
		});
		live = next;
	}
}

// ---- Signatures ----

const AWS_KEYS = new Set(['aws:SecureTransport', 'aws:RequestedRegion',
    'aws:PrincipalTag/team', 'aws:PrincipalArn', 'aws:FederatedProvider',
    'sts:RoleSessionName']);

// An EKS issuer as EKS writes it: the host in lowercase, the ID in
// uppercase hex.
function canonIssuer(iss) {
	const m = /^(.*\/id\/)(.*)$/i.exec(iss);
	return m ? m[1].toLowerCase() + m[2].toUpperCase() : iss.toLowerCase();
}

// A key as EKS and the IAM documentation write it.
function canonKey(key, c) {
	const i = key.lastIndexOf(':');
	const iss = key.slice(0, i), claim = key.slice(i + 1).toLowerCase();
	if (i < 0 || (!iss.includes('/') && !iss.includes('.'))) {
		for (const k of AWS_KEYS)
			if (k.toLowerCase() === key.toLowerCase()) return k;
		return key;
	}
	return `${canonIssuer(iss)}:${claim}`;
}

// "sub", "aud", ... of the token's issuer, "other-sub" of another one,
// "aws-key" for a global key; "~case" when written in another case.
function keyKind(key, c) {
	const i = key.lastIndexOf(':');
	const iss = key.slice(0, i), claim = key.slice(i + 1).toLowerCase();
	if (i < 0 || (!iss.includes('/') && !iss.includes('.')))
		return 'aws-key' + (AWS_KEYS.has(key) ? '' : '~case');
	const tilde = key === `${canonIssuer(iss)}:${claim}` ? '' : '~case';
	if (iss.toLowerCase() === c.issuer.toLowerCase()) return claim + tilde;
	return 'other-' + claim + tilde;
}

function principalKind(p, c) {
	if (p === '*') return 'P*';
	if (p && p.AWS !== undefined)
		return [].concat(p.AWS).includes('*') ? 'AWS:*' : 'AWS:root';
	if (p && p.Federated !== undefined)
		return [].concat(p.Federated).map((f) => {
			if (f === providerArn(c.issuer)) return 'fed:token';
			if (f.includes('githubusercontent')) return 'fed:github';
			if (!f.includes(`::${ACCOUNT}:`)) return 'fed:other-account';
			return 'fed:other-issuer';
		}).join('+');
	return 'P?';
}

const ACTIONS = {
	'sts:assumerolewithwebidentity': 'web-identity',
	'sts:assumerole': 'AssumeRole', 'sts:tagsession': 'TagSession'
};

function actionKind(st) {
	const ak = st.Action !== undefined ? 'Action' : 'NotAction';
	const v = [].concat(st[ak]).map((a) => ACTIONS[a.toLowerCase()] || a);
	return (ak === 'NotAction' ? 'NotAction ' : '') + v.join(',');
}

// What a case holds: per statement its effect, principal, action and
// conditions (operator and kind of key; only the kind when coarse).
function signature(c, coarse) {
	const sts = c.trust.Statement.map((st) => {
		let conds = new Set();
		for (const op of Object.keys(st.Condition || {}))
			for (const k of Object.keys(st.Condition[op]))
				conds.add(coarse ? `condition(${keyKind(k, c)})` :
				    `${op}(${keyKind(k, c)})`);
		conds = [...conds].sort();
		return [st.Effect, principalKind(st.Principal, c), actionKind(st),
		    ...conds].join(' ');
	});
	sts.sort();
	let s = sts.join(' | ');
	if (!c.cluster_in_inputs) s += ' [issuer unknown to irsalint]';
	return s;
}

// For each group of disagreements, its first example's minimal case
// in full: the trust, the ServiceAccount and what each side said.
function writeExamples(file, list) {
	const out = [];
	for (const [k, xs] of groupsOf(list)) {
		const x = xs[0], m = x.min;
		out.push(`== ${k.replace('\t', '  ')}  (${xs.length} cases)`,
		    `case ${x.c.id}, minimal form; irsalint ${x.minIrs.verdict}` +
		    `${x.minIrs.unverified ? ' (unverified)' : ''}, IAM ` +
		    `${x.iam.verdict}`,
		    `token issuer ${m.issuer}${m.cluster_in_inputs ? '' :
		    ' (no cluster in the inputs)'}`,
		    `ServiceAccount ${m.ns}/${m.name}, audience ${m.aud || DEFAULT_AUD}`,
		    JSON.stringify(m.trust, null, 2), '');
	}
	fs.writeFileSync(file, out.join('\n'));
}

// ---- Main ----

function args(argv) {
	const o = {};
	for (let i = 2; i < argv.length; i += 2) {
		const k = { '-c': 'cases', '-r': 'rows', '-v': 'verdict',
		    '-o': 'out' }[argv[i]];
		if (!k || argv[i + 1] === undefined) {
			process.stderr.write('usage: node compare.js -c cases.jsonl ' +
			    '-r irsalint.tsv -v verdict -o outdir\n');
			process.exit(2);
		}
		o[k] = argv[i + 1];
	}
	if (!o.cases || !o.rows || !o.verdict || !o.out) args([0, 0]);
	return o;
}

const pct = (n, d) => d === 0 ? '-' : `${(100 * n / d).toFixed(2)}%`;

function groupsOf(list) {
	const g = new Map();
	for (const x of list) {
		const k = `${x.outcome}\t${x.sig}`;
		if (!g.has(k)) g.set(k, []);
		g.get(k).push(x);
	}
	return [...g.entries()].sort((a, b) => b[1].length - a[1].length ||
	    (a[0] < b[0] ? -1 : 1));
}

function printGroups(out, title, list) {
	out.push('', title);
	if (list.length === 0) {
		out.push('  (none)');
		return;
	}
	for (const [k, xs] of groupsOf(list)) {
		const [oc, sig] = k.split('\t');
		const [i, a] = oc.split('/');
		let extra = '';
		const nu = xs.filter((x) => x.irs.unverified).length;
		if (nu > 0 && i !== 'unknown') extra += `, ${nu} marked unverified`;
		if (xs.some((x) => x.named !== undefined && x.named !== null)) {
			const n = xs.filter((x) => x.named === x.irs.verdict).length;
			extra += `, ${n} as IAM answers for a token of an ` +
			    'issuer the trust names';
		}
		out.push(`  ${String(xs.length).padStart(6)}  irsalint ${i}, ` +
		    `IAM ${a}${extra}`,
		    `          ${sig}`,
		    `          e.g. ${xs.slice(0, EXAMPLES).map((x) => x.c.id).join(' ')}`);
	}
}

function main() {
	const o = args(process.argv);
	const cases = fs.readFileSync(o.cases, 'utf8').split('\n')
	    .filter((l) => l !== '').map((l) => JSON.parse(l));
	const rows = parseRows(fs.readFileSync(o.rows, 'utf8'));
	const count = { agree: 0, unknown: 0, disagree: 0, error: 0 };
	const by = { agree: { allow: 0, deny: 0 }, unknown: { allow: 0, deny: 0 } };
	let unverified = 0, invalid = 0;
	const odd = [], unknown = [], errors = [];
	for (const c of cases) {
		const irs = rows.get(c.id) || { verdict: 'error', error: 'no row' };
		const iam = iamEval(c, c.issuer);
		if (iam.invalid && iam.invalid.length > 0) invalid++;
		const cat = category(irs, iam);
		count[cat]++;
		const x = { c, irs, iam, outcome: outcome(irs, iam) };
		if (cat === 'agree') {
			by.agree[iam.verdict]++;
			if (irs.unverified) unverified++;
		} else if (cat === 'unknown') {
			by.unknown[iam.verdict]++;
			unknown.push(x);
		} else if (cat === 'disagree') {
			if (!c.cluster_in_inputs) x.named = iamAnyNamed(c);
			odd.push(x);
		} else
			errors.push(x);
	}
	shrink(o.verdict, odd);
	shrink(o.verdict, unknown);
	for (const x of odd) {
		x.sig = signature(x.min, false);
		delete x.named;
		if (!x.min.cluster_in_inputs) x.named = iamAnyNamed(x.min);
	}
	for (const x of unknown)
		x.sig = signature(x.min, true);

	fs.mkdirSync(o.out, { recursive: true });
	const dump = (file, list) => fs.writeFileSync(path.join(o.out, file),
	    list.map((x) => JSON.stringify({ id: x.c.id, outcome: x.outcome,
	    signature: x.sig, irsalint: x.irs, iam: x.iam.result || x.iam.error,
	    irsalint_minimal: x.minIrs,
	    iam_if_named_issuer: x.named, minimal: x.min, case: x.c }))
	    .join('\n') + (list.length ? '\n' : ''));
	dump('disagreements.jsonl', odd);
	dump('unknown.jsonl', unknown);
	dump('errors.jsonl', errors);

	writeExamples(path.join(o.out, 'examples.txt'), odd);

	const n = cases.length, out = [];
	const definite = count.agree + count.disagree;
	out.push(`cases                  ${n}`,
	    `agreement              ${count.agree} (${pct(count.agree, n)}; ` +
	    `${pct(count.agree, definite)} of definite answers): ` +
	    `allow ${by.agree.allow} (${unverified} marked unverified), ` +
	    `deny ${by.agree.deny}`,
	    `irsalint unknown       ${count.unknown} (${pct(count.unknown, n)}): ` +
	    `IAM allow ${by.unknown.allow}, IAM deny ${by.unknown.deny}`,
	    `disagreement           ${count.disagree} (${pct(count.disagree, n)}): ` +
	    `irsalint allow/IAM deny ${odd.filter((x) => x.irs.verdict === 'allow').length} ` +
	    `(${odd.filter((x) => x.irs.unverified).length} marked unverified), ` +
	    `irsalint deny/IAM allow ${odd.filter((x) => x.irs.verdict === 'deny').length}`,
	    `error                  ${count.error}`,
	    `trusts iam-policy flags as invalid: ${invalid}`);
	printGroups(out, 'Disagreements, by what their minimal case holds:', odd);
	printGroups(out, 'irsalint unknown, by what their minimal case holds:',
	    unknown);
	if (errors.length > 0)
		printGroups(out, 'Errors:', errors.map((x) => ({ ...x,
		    sig: String(x.irs.error || x.iam.error) })));
	out.push('', `Full cases (original and minimal): ` +
	    `${path.join(o.out, 'disagreements.jsonl')}, ` +
	    `${path.join(o.out, 'examples.txt')} (one per group), ` +
	    `${path.join(o.out, 'unknown.jsonl')}, ` +
	    `${path.join(o.out, 'errors.jsonl')}`);
	const text = out.join('\n') + '\n';
	fs.writeFileSync(path.join(o.out, 'summary.txt'), text);
	process.stdout.write(text);
}

if (require.main === module)
	main();

module.exports = { iamEval, signature, reductions };

# Random aws_iam_policy_document blocks, to compare tf_doc.c with the
# provider: python3 random.py SEED N writes fSEED_I.tf (the block) and
# fSEED_I.args (its arguments as JSON, another document named by
# {"$ref": NAME}) in the current directory and prints the names; gen.sh
# renders them.  random.tf and random.jsonl hold seed 1 (60 blocks,
# drawn before this script learned other documents: it no longer draws
# them alike) and seed 2 (70 blocks).
import json, random, sys
random.seed(int(sys.argv[1]))
N = int(sys.argv[2])
pool = ["a", "b", "ab", "arn:aws:iam::1:root", "arn:aws:iam::2:root", "x*", "&{aws:username}", "Z", "s3:Get", "s3:Put", "*", "é", "a<b"]
types = ["AWS", "Service", "Federated", "*", "CanonicalUser"]
tests = ["StringEquals", "StringLike", "ForAnyValue:StringLike", "Bool"]
vars_ = ["k1", "k2", "oidc:sub", "oidc:aud"]
def strs(lo=0, hi=4): return [random.choice(pool) for _ in range(random.randint(lo, hi))]
def hcl(v): return json.dumps(v)
out = {}
for i in range(N):
    name = "f%d_%d" % (int(sys.argv[1]), i)
    sts = []
    for _ in range(random.randint(0, 3)):
        s = {}
        if random.random() < .4: s["sid"] = random.choice(["", "S1", "S2", "S3"])
        if random.random() < .3: s["effect"] = random.choice(["Allow", "Deny"])
        for k in ["actions", "not_actions", "resources", "not_resources"]:
            if random.random() < .4: s[k] = strs()
        for k in ["principals", "not_principals"]:
            if random.random() < .5:
                s[k] = [{"type": random.choice(types), "identifiers": strs(1, 3)} for _ in range(random.randint(1, 4))]
        if random.random() < .6:
            s["condition"] = [{"test": random.choice(tests), "variable": random.choice(vars_), "values": strs(0, 3)} for _ in range(random.randint(1, 5))]
        sts.append(s)
    # unique sids
    seen = set()
    for s in sts:
        if s.get("sid"):
            if s["sid"] in seen: del s["sid"]
            else: seen.add(s["sid"])
    args = {"statement": sts}
    if random.random() < .2: args["policy_id"] = "P"
    prev = list(out)
    refs = {}
    for k in ("source_policy_documents", "override_policy_documents"):
        if prev and random.random() < .35:
            refs[k] = random.sample(prev, (1 if k[0] == "s" else min(len(prev), random.randint(1, 2))))
            args[k] = [{"$ref": r} for r in refs[k]]
    out[name] = args
    tf = 'data "aws_iam_policy_document" "%s" {\n' % name
    if "policy_id" in args: tf += '  policy_id = "P"\n'
    for k, l in refs.items():
        tf += '  %s = [%s]\n' % (k, ", ".join("data.aws_iam_policy_document.%s.json" % r for r in l))
    for s in sts:
        tf += "  statement {\n"
        for k, v in s.items():
            if isinstance(v, list) and v and isinstance(v[0], dict):
                for b in v:
                    tf += "    %s {\n" % k
                    for bk, bv in b.items(): tf += "      %s = %s\n" % (bk, hcl(bv).replace("${", "$${"))
                    tf += "    }\n"
            elif isinstance(v, list) and k in ("principals", "not_principals", "condition"):
                pass
            else:
                tf += "    %s = %s\n" % (k, hcl(v))
        tf += "  }\n"
    tf += "}\n"
    open(name + ".tf", "w").write(tf)
    open(name + ".args", "w").write(json.dumps(args))
print(" ".join(out))

-- SPDX-License-Identifier: ISC
-- A real client for irsalint --lsp (tests/lsp-nvim.sh): headless Neovim
-- 0.7 starts the server on the workspace WS, edits k8s/ledger.yaml and
-- checks that the finding is at the right character, that the related
-- places in infra/main.tf get theirs, that the quick fix applies and
-- clears the finding, and that stopping the client exits the server
-- with status 0; then the same on the bundled example.  Neovim counts in UTF-16 and columns in bytes, so the
-- character outside the Basic Multilingual Plane before the finding
-- must be converted right on both sides.
local prog, ws, art = os.getenv('IRSALINT'), os.getenv('WS'), os.getenv('ART')
local failed = 0

local function check(ok, what)
  io.stderr:write((ok and 'ok: ' or 'FAIL: ') .. what .. '\n')
  if not ok then failed = failed + 1 end
end

local function finish()
  io.stderr:write(string.format('lsp-nvim: %d failed\n', failed))
  vim.cmd(failed == 0 and 'qall!' or 'cquit! 1')
end

local exit_code
local id = vim.lsp.start_client({
  name = 'irsalint',
  cmd = { prog, '--lsp' },
  root_dir = ws,
  on_exit = function(code) exit_code = code end,
})
check(id ~= nil, 'the client starts')
vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/k8s/ledger.yaml'))
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, id)
local client = vim.lsp.get_client_by_id(id)

-- The server publishes the ServiceAccount's file, then main.tf's.
local tf = vim.uri_to_bufnr(vim.uri_from_fname(ws .. '/infra/main.tf'))
check(vim.wait(20000, function()
  return #vim.diagnostic.get(buf) > 0 and #vim.diagnostic.get(tf) > 0
end, 20), 'diagnostics arrive for the ServiceAccount and the trust')
check(client.offset_encoding == 'utf-16', 'UTF-16 is agreed on: ' ..
  tostring(client.offset_encoding))
local d = vim.diagnostic.get(buf)[1] or {}
local line = vim.api.nvim_buf_get_lines(buf, 3, 4, false)[1] or ''
check(d.lnum == 3 and d.severity == vim.diagnostic.severity.ERROR and
  d.source == 'irsalint' and
  line:sub(d.col + 1, d.end_col) == 'eks.amazonaws.com/role-arn',
  string.format('the finding spans the annotation key (line %s, bytes %s-%s: %q)',
    tostring(d.lnum), tostring(d.col), tostring(d.end_col),
    line:sub((d.col or 0) + 1, d.end_col or 0)))

local info = vim.diagnostic.get(tf)
check(#info == 2 and info[1].severity == vim.diagnostic.severity.INFO,
  'infra/main.tf shows the role and its sub condition: ' .. #info)

-- The quick fix, asked for with the cursor on the namespace.
local col = line:find('paymnets', 1, true)
vim.api.nvim_win_set_cursor(0, { 4, col - 1 })
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf) }
local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params,
  10000)
local actions = res and res[id] and res[id].result or {}
check(#actions == 1 and actions[1].kind == 'quickfix',
  'one quick fix is offered: ' .. #actions)
if actions[1] ~= nil then
  vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding)
end
line = vim.api.nvim_buf_get_lines(buf, 3, 4, false)[1] or ''
check(line:find('namespace: payments,', 1, true) ~= nil and
  line:find('"Zoë 🚀"', 1, true) ~= nil, 'the fix edits the namespace alone')
check(vim.wait(20000, function()
  return #vim.diagnostic.get(buf) == 0 and #vim.diagnostic.get(tf) == 0
end, 20), 'the unsaved fix clears the findings in both files')

client.stop()
check(vim.wait(20000, function() return exit_code ~= nil end, 20) and
  exit_code == 0, 'shutdown and exit: status ' .. tostring(exit_code))

-- The bundled example (ART: its Terraform sources and broken manifests):
-- the ServiceAccount in the wrong namespace is flagged at its annotation,
-- no quick fix is offered (its Deployment runs there too, so moving the
-- ServiceAccount alone would be wrong), and typing the right namespace
-- clears that finding and leaves the other ServiceAccount's.
local function sub_mismatch_at(b, lnum)
  for _, x in ipairs(vim.diagnostic.get(b)) do
    if x.lnum == lnum and x.code == 'irsa-trust-sub-mismatch' then
      return x
    end
  end
end
exit_code = nil
id = vim.lsp.start_client({
  name = 'irsalint-example',
  cmd = { prog, '--lsp' },
  root_dir = art,
  on_exit = function(code) exit_code = code end,
})
vim.cmd('edit ' .. vim.fn.fnameescape(art .. '/broken/serviceaccount.yaml'))
buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, id)
client = vim.lsp.get_client_by_id(id)
check(vim.wait(20000, function() return sub_mismatch_at(buf, 11) ~= nil end,
  20), 'the example: the wrong namespace is found')
d = sub_mismatch_at(buf, 11) or {}
line = vim.api.nvim_buf_get_lines(buf, 11, 12, false)[1] or ''
check(line:sub((d.col or 0) + 1, d.end_col or 0) ==
  'eks.amazonaws.com/role-arn', 'the example: at the annotation key')
vim.api.nvim_win_set_cursor(0, { 7, 13 })
params = vim.lsp.util.make_range_params()
params.context = { diagnostics = {} }
res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
actions = res and res[id] and res[id].result or {}
check(#actions == 0, 'the example: no quick fix while a Deployment runs there: ' ..
  #actions)
vim.api.nvim_buf_set_lines(buf, 6, 7, false, { '  namespace: kube-system' })
check(vim.wait(20000, function()
  return sub_mismatch_at(buf, 11) == nil and sub_mismatch_at(buf, 24) ~= nil
end, 20), 'the example: the typed fix clears that finding, not the other')
client.stop()
check(vim.wait(20000, function() return exit_code ~= nil end, 20) and
  exit_code == 0, 'the example: shutdown and exit: status ' ..
  tostring(exit_code))
finish()

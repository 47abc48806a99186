-- Headless Neovim (0.7+) LSP smoke test of the gov-report language server.
-- Run: nvim --headless -u NONE -i NONE -n -c 'luafile lsp_smoke.lua'
-- Env: LSP_SERVER (server.js), SAMPLE (a report), EXPECT_PARTS (how many parts in order from 一, default 6),
--      EXPECT_RULE + EXPECT_LINE (0-based) a finding that must be published (EXPECT_RULE empty: a report without
--      findings, whose empty diagnostics must be published), HOVER_LINE/HOVER_CHAR (0-based) a row label that must
--      have a hover.
-- Prints a short summary; exit code 0 = pass, 1 = fail.
local server = assert(vim.env.LSP_SERVER, 'set LSP_SERVER')
local sample = assert(vim.env.SAMPLE, 'set SAMPLE')
local expect_rule = vim.env.EXPECT_RULE
if expect_rule == '' then expect_rule = nil end
local expect_parts = tonumber(vim.env.EXPECT_PARTS or '6')
local expect_line = tonumber(vim.env.EXPECT_LINE or '-1')
local hover_line = tonumber(vim.env.HOVER_LINE or '0')
local hover_char = tonumber(vim.env.HOVER_CHAR or '0')
local PARTS = { '一', '二', '三', '四', '五', '六' }

local function out(s) io.stdout:write(s .. '\n'); io.stdout:flush() end
local function finish(code, msg)
  out(msg)
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
  vim.cmd((code == 0) and 'qall!' or ('cquit! ' .. code))
end

-- keep the raw LSP diagnostics (rule id in `code`) as the server published them
local published = nil
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and vim.uri_to_fname(result.uri) == vim.fn.fnamemodify(sample, ':p') then published = result.diagnostics end
  return default_handler(err, result, ctx, config)
end

local exited = nil
local ok, err = xpcall(function()
  local client_id = vim.lsp.start_client({
    name = 'gov-report',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(sample, ':p:h'),
    init_options = { locale = 'zh-CN' },
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  assert(client_id, 'start_client returned nil')
  vim.cmd('edit ' .. vim.fn.fnameescape(sample))
  local buf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_option(buf, 'filetype', 'gov-report') -- languageId = filetype
  assert(vim.lsp.buf_attach_client(buf, client_id), 'buf_attach_client failed')

  local got = vim.wait(15000, function() return (published ~= nil and (#published > 0 or not expect_rule)) or exited ~= nil end, 20)
  assert(not exited, 'language server exited early: ' .. vim.inspect(exited))
  assert(got, 'no diagnostics within 15s')
  local codes, found = {}, false
  for _, d in ipairs(published) do
    local code = type(d.code) == 'table' and d.code.value or d.code
    codes[tostring(code)] = (codes[tostring(code)] or 0) + 1
    if code == expect_rule and d.range.start.line == expect_line then found = true end
  end
  local summary = {}
  for k, v in pairs(codes) do table.insert(summary, k .. '×' .. v) end
  table.sort(summary)
  out('diagnostics: ' .. #published .. ' (' .. table.concat(summary, ', ') .. ')')
  if expect_rule then
    assert(found, ('expected %s on line %d'):format(expect_rule, expect_line))
    out(('  found: %s on line %d'):format(expect_rule, expect_line))
  else
    assert(#published == 0, 'expected no diagnostics')
  end

  local td = { uri = vim.uri_from_bufnr(buf) }
  local sym = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = td }, 10000)
  assert(sym and sym[client_id], 'documentSymbol: no response')
  assert(not sym[client_id].err, 'documentSymbol error: ' .. vim.inspect(sym[client_id].err))
  local symbols = sym[client_id].result or {}
  -- the six parts: either top level, or the children of one title symbol
  local parts = {}
  -- a part heading as written: the numeral, then 、 or . or ． (corpus 000 writes "四. 政府信息公开…")
  local function is_part(name, p)
    return vim.startswith(name, p .. '、') or vim.startswith(name, p .. '.') or vim.startswith(name, p .. '．')
  end
  local function collect(list, depth)
    for _, s in ipairs(list) do
      for _, p in ipairs(PARTS) do
        if depth <= 1 and is_part(s.name, p) then table.insert(parts, s) end
      end
      if depth == 0 and s.children then collect(s.children, 1) end
    end
  end
  collect(symbols, 0)
  local names = {}
  for i, s in ipairs(parts) do names[i] = s.name end
  out('documentSymbol: ' .. #symbols .. ' top-level; parts: ' .. table.concat(names, ' | '))
  assert(#parts == expect_parts, ('expected %d part symbols, got %d'):format(expect_parts, #parts))
  for i = 1, expect_parts do assert(is_part(parts[i].name, PARTS[i]), 'part ' .. i .. ' out of order') end

  local hov = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = td, position = { line = hover_line, character = hover_char } }, 10000)
  assert(hov and hov[client_id] and hov[client_id].result, 'hover: no result on the row label')
  local c = hov[client_id].result.contents
  local text = type(c) == 'string' and c or (c.value or vim.inspect(c))
  assert(#text > 0, 'hover: empty')
  out('hover: ' .. text:gsub('%s+', ' '):sub(1, 160))
  finish(0, 'passed: ' .. vim.fn.fnamemodify(sample, ':t') .. ' (nvim ' .. vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch .. ')')
end, debug.traceback)

if not ok then finish(1, 'failed: ' .. tostring(err)) end

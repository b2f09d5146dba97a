# The two set-up commands the README gives. Each creates .venv and installs the project on first use.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# torch is pinned in pyproject.toml to the CPU build; install it first so nothing pulls a CUDA build.
	$(VENV)/bin/pip install --quiet torch==2.13.0
	# A plain path entry (compat mode), not an import hook: the hook's imports cost every command about 5 ms.
	$(VENV)/bin/pip install --quiet --config-settings editable_mode=compat -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/tender-coach review examples/youth-service-spec.md || [ $$? -eq 1 ]  # exit 1 only means "findings"

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q

bench: $(STAMP)
	$(VENV)/bin/pip install --quiet --config-settings editable_mode=compat -e '.[bench]'
	$(VENV)/bin/python benchmarks/review_speed.py
	$(VENV)/bin/python benchmarks/retrieval.py
	$(VENV)/bin/python benchmarks/cold_ask.py
	$(VENV)/bin/python benchmarks/real_documents.py
	$(VENV)/bin/python benchmarks/slack_load.py
	$(VENV)/bin/python benchmarks/digest.py

clean:
	rm -rf $(VENV) build *.egg-info

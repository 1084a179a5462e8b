// Polls an import's progress and reloads the page once it has finished.
(function () {
    const panel = document.querySelector('[data-import-job]');
    if (!panel || panel.dataset.finished === 'true') return;
    const bar = panel.querySelector('progress');
    const count = panel.querySelector('[data-import-count]');
    const template = count ? count.textContent : '';
    async function poll() {
        try {
            const response = await fetch('/imports/' + panel.dataset.importJob, { headers: { Accept: 'application/json' } });
            if (response.ok) {
                const job = await response.json();
                if (job.finished) { location.reload(); return; }
                bar.max = Math.max(1, job.total);
                bar.value = job.processed;
                if (count) count.textContent = template.replace(/\d+/, job.processed);
            }
        } catch (e) { /* try again */ }
        setTimeout(poll, 500);
    }
    setTimeout(poll, 300);
})();

// Behaviour for markup without inline script (the Content-Security-Policy allows none): [data-print] prints the page.
document.addEventListener('click', function (event) {
    if (event.target instanceof Element && event.target.closest('[data-print]')) window.print();
});

# Reference values for dev.sxn.math.risk GARCH fits (GarchReferenceTest).
# Interpreter: Debian r-base-core (R 4.2.2 Patched) with r-cran-fgarch (fGarch 4022.89).
# Run from this directory: Rscript gen_garch.R
#
# Series: R's datasets::EuStockMarkets, DAX column, daily log returns in percent,
#   x = 100 * diff(log(EuStockMarkets[, "DAX"]))  (1859 values), written to garch_dax_returns.txt.
# Fits: fGarch::garchFit with its defaults (init.rec = "mci", algorithm = "nlminb", hessian = "ropt",
# xscale: the series is divided by sd(x) during the fit and mu, omega scaled back):
#   norm    garchFit(~garch(1,1), cond.dist = "norm")
#   std     garchFit(~garch(1,1), cond.dist = "std")
#   gjrstd  garchFit(~aparch(1,1), delta = 2, include.delta = FALSE, cond.dist = "std")  (fGarch's GJR)
#   gjrnorm garchFit(~aparch(1,1), delta = 2, include.delta = FALSE, cond.dist = "norm")
# Written per fit to garch_fits.txt, one "case key values..." line each:
#   coef (mu omega alpha [gamma] beta [shape]), se (fGarch's std. errors from optimHess), nllh (fit@fit$llh,
#   the negative log-likelihood), ics (fGarch's AIC BIC, divided by N), sigma (fit@sigma.t at t = 1, 2, 3, N),
#   fsd (predict(n.ahead = 10)$standardDeviation), var95/es95/var99/es99 (one-step-ahead VaR and ES as
#   positive losses, -(mu + sd_1 q) and -(mu + sd_1 E[Z | Z <= q]), q the standardized quantile (qnorm or
#   fGarch::qstd), the tail expectation by stats::integrate).
# garch_quantiles.txt: "dist nu p quantile es" for the standardized distributions, es = -E[Z | Z <= q_p].
options(digits = 17)
suppressMessages(library(fGarch))
fmt <- function(v) paste(sprintf("%.17g", as.numeric(v)), collapse = " ")
x <- as.numeric(100 * diff(log(EuStockMarkets[, "DAX"])))
con <- file("garch_dax_returns.txt", "w")
writeLines(c("# 100 * diff(log(EuStockMarkets[, \"DAX\"])), R datasets; made by gen_garch.R",
             paste0("# ", R.version.string)), con)
writeLines(sprintf("%.17g", x), con)
close(con)

dens <- function(dist, nu) if (dist == "norm") dnorm else function(z) dstd(z, 0, 1, nu)
quant <- function(dist, nu, p) if (dist == "norm") qnorm(p) else qstd(p, 0, 1, nu)
tailmean <- function(dist, nu, p) {
  q <- quant(dist, nu, p); d <- dens(dist, nu)
  integrate(function(z) z * d(z), -Inf, q, rel.tol = 1e-13)$value / p
}

out <- file("garch_fits.txt", "w")
writeLines(c("# fGarch garchFit references on the DAX returns; made by gen_garch.R",
             paste0("# ", R.version.string, ", fGarch ", packageVersion("fGarch"))), out)
cases <- list(
  norm = list(f = ~garch(1, 1), d = "norm"), std = list(f = ~garch(1, 1), d = "std"),
  gjrstd = list(f = ~aparch(1, 1), d = "std"), gjrnorm = list(f = ~aparch(1, 1), d = "norm"))
for (name in names(cases)) {
  cs <- cases[[name]]
  fit <- if (grepl("gjr", name)) garchFit(cs$f, data = x, cond.dist = cs$d, delta = 2, include.delta = FALSE, trace = FALSE)
         else garchFit(cs$f, data = x, cond.dist = cs$d, trace = FALSE)
  cf <- coef(fit)
  nu <- if (cs$d == "std") cf[["shape"]] else Inf
  fc <- predict(fit, n.ahead = 10)
  s1 <- fc$standardDeviation[1]; mu <- cf[["mu"]]
  line <- function(k, v) writeLines(paste(name, k, fmt(v)), out)
  line("coef", cf)
  line("se", fit@fit$se.coef)
  line("nllh", fit@fit$llh)
  line("ics", fit@fit$ics[c("AIC", "BIC")])
  N <- length(x)
  line("sigma", fit@sigma.t[c(1, 2, 3, N)])
  line("fsd", fc$standardDeviation)
  for (p in c(0.05, 0.01)) {
    lvl <- sprintf("%02d", round(100 * (1 - p)))
    line(paste0("var", lvl), -(mu + s1 * quant(cs$d, nu, p)))
    line(paste0("es", lvl), -(mu + s1 * tailmean(cs$d, nu, p)))
  }
}
close(out)

qo <- file("garch_quantiles.txt", "w")
writeLines(c("# standardized quantiles and tail means (es = -E[Z | Z <= q]); made by gen_garch.R",
             paste0("# ", R.version.string, ", fGarch ", packageVersion("fGarch"))), qo)
for (p in c(1e-6, 1e-3, 0.01, 0.025, 0.05, 0.1, 0.3, 0.5, 0.9, 0.99)) {
  writeLines(paste("norm 0", fmt(p), fmt(qnorm(p)), fmt(-tailmean("norm", Inf, p))), qo)
  for (nu in c(2.5, 4, 6.038373626388805704, 30)) {
    writeLines(paste("std", fmt(nu), fmt(p), fmt(quant("std", nu, p)), fmt(-tailmean("std", nu, p))), qo)
  }
}
close(qo)
